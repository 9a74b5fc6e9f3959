"""Junk a scraper leaves around an article, as data for bench/planted.py: families, languages, phrasings.

Every family has phrasings in ten languages (en, de, fr, es, it, pt, nl, pl, sv, tr), written here for
this benchmark (none copied from a page), in two halves per language:
- "A": the phrasings rules may be written from and the block classifier may train on;
- "B": other wordings of the same family, held apart for measuring (`planted.py --split B`).
So the figure measured on B says how a family generalises to wordings nobody wrote a rule for.

Slots: {site} a site name, {n} a small number, {app} an app store name. The related-headlines
family lists only its label; the headlines come from other real pages (titles of the shared sets).
"""

from __future__ import annotations

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr")

Phrasings = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]

PAYWALL: Phrasings = {
    "en": (
        (
            "You've reached your limit of free articles this month.",
            "Subscribe to continue reading this article.",
            "This story is for subscribers only. Already a subscriber? Log in.",
            "To read the rest of this story, become a member of {site} today.",
        ),
        (
            "Want to keep reading? Unlock this story with a {site} subscription.",
            "The rest of this article is available to paying readers.",
            "You're out of free reads. Get unlimited access for just $1 a week.",
            "Already paid? Sign in to see the full article.",
        ),
    ),
    "de": (
        (
            "Dieser Artikel ist nur für Abonnenten verfügbar.",
            "Jetzt weiterlesen mit {site}+ für nur 1 € im ersten Monat.",
        ),
        (
            "Sie haben Ihr kostenloses Kontingent für diesen Monat aufgebraucht.",
            "Lesen Sie den vollständigen Artikel mit einem Digital-Abo.",
        ),
    ),
    "fr": (
        ("Cet article est réservé aux abonnés.", "Il vous reste 80 % de cet article à lire."),
        (
            "La suite de cet article est accessible aux abonnés.",
            "Déjà abonné ? Connectez-vous pour lire la suite.",
        ),
    ),
    "es": (
        (
            "Este contenido es exclusivo para suscriptores.",
            "Has alcanzado el límite de artículos gratuitos este mes.",
        ),
        ("Para seguir leyendo, suscríbete a {site}.", "Lee el artículo completo por solo 1 € al mes."),
    ),
    "it": (
        ("Questo articolo è riservato agli abbonati.", "Hai raggiunto il limite di articoli gratuiti."),
        (
            "Per continuare a leggere, abbonati a {site}.",
            "Già abbonato? Accedi per leggere l'articolo completo.",
        ),
    ),
    "pt": (
        ("Este conteúdo é exclusivo para assinantes.", "Você atingiu o limite de matérias gratuitas."),
        ("Para continuar lendo, assine o {site}.", "Já é assinante? Faça login para ler a matéria completa."),
    ),
    "nl": (
        ("Dit artikel is alleen voor abonnees.", "Je hebt het maximale aantal gratis artikelen bereikt."),
        ("Lees verder met een abonnement op {site}.", "Al abonnee? Log in om het hele artikel te lezen."),
    ),
    "pl": (
        (
            "Ten artykuł jest dostępny tylko dla subskrybentów.",
            "Wykorzystałeś limit darmowych artykułów w tym miesiącu.",
        ),
        (
            "Aby czytać dalej, wykup subskrypcję {site}.",
            "Masz już konto? Zaloguj się, aby przeczytać cały tekst.",
        ),
    ),
    "sv": (
        (
            "Den här artikeln är endast för prenumeranter.",
            "Du har läst alla dina gratisartiklar denna månad.",
        ),
        (
            "Fortsätt läsa med en prenumeration på {site}.",
            "Redan prenumerant? Logga in för att läsa hela artikeln.",
        ),
    ),
    "tr": (
        ("Bu makale yalnızca abonelere açıktır.", "Bu ayki ücretsiz makale hakkınızı doldurdunuz."),
        (
            "Okumaya devam etmek için {site} abonesi olun.",
            "Zaten abone misiniz? Haberin tamamı için giriş yapın.",
        ),
    ),
}

AD_MARKER: Phrasings = {
    "en": (
        ("Advertisement", "ADVERTISEMENT", "Story continues below advertisement"),
        ("Sponsored", "Ad", "Article continues after this ad"),
    ),
    "de": (("Anzeige", "Werbung"), ("ANZEIGE", "Weiter nach der Anzeige")),
    "fr": (("Publicité", "PUBLICITÉ"), ("Annonce", "La suite après cette publicité")),
    "es": (("Publicidad", "PUBLICIDAD"), ("Anuncio", "Sigue leyendo después del anuncio")),
    "it": (("Pubblicità", "PUBBLICITÀ"), ("Annuncio", "Continua a leggere dopo la pubblicità")),
    "pt": (("Publicidade", "PUBLICIDADE"), ("Anúncio", "Continua após a publicidade")),
    "nl": (("Advertentie", "ADVERTENTIE"), ("Reclame", "Lees verder na de advertentie")),
    "pl": (("Reklama", "REKLAMA"), ("Ogłoszenie", "Dalsza część artykułu pod reklamą")),
    "sv": (("Annons", "ANNONS"), ("Reklam", "Artikeln fortsätter efter annonsen")),
    "tr": (("Reklam", "REKLAM"), ("Sponsorlu", "Haberin devamı reklamdan sonra")),
}

APP_PROMO: Phrasings = {
    "en": (
        (
            "Download the {site} app for breaking news alerts.",
            "Get the {site} app on the {app}.",
            "Read this story in our app.",
        ),
        (
            "Never miss a story: install our free app today.",
            "Stay informed on the go with the {site} mobile app.",
            "Available on the {app}",
        ),
    ),
    "de": (
        ("Laden Sie die {site}-App herunter.", "Jetzt die App im {app} holen."),
        (
            "Mit unserer App immer informiert – jetzt kostenlos installieren.",
            "Die {site} App: News direkt aufs Handy.",
        ),
    ),
    "fr": (
        ("Téléchargez l'application {site}.", "Disponible sur l'{app}."),
        ("Retrouvez toute l'actualité sur notre appli mobile.", "Installez l'appli {site} gratuitement."),
    ),
    "es": (
        ("Descarga la app de {site}.", "Disponible en {app}."),
        (
            "Recibe las últimas noticias en tu móvil con nuestra aplicación.",
            "Instala gratis la app de {site}.",
        ),
    ),
    "it": (
        ("Scarica l'app di {site}.", "Disponibile su {app}."),
        ("Resta aggiornato con la nostra app gratuita.", "Installa l'app {site} sul tuo smartphone."),
    ),
    "pt": (
        ("Baixe o app do {site}.", "Disponível na {app}."),
        ("Receba as notícias no celular com o nosso aplicativo.", "Instale grátis o aplicativo {site}."),
    ),
    "nl": (
        ("Download de {site}-app.", "Beschikbaar in de {app}."),
        ("Blijf op de hoogte met onze gratis app.", "Installeer de app van {site} op je telefoon."),
    ),
    "pl": (
        ("Pobierz aplikację {site}.", "Dostępne w {app}."),
        ("Bądź na bieżąco dzięki naszej darmowej aplikacji.", "Zainstaluj aplikację {site} na telefonie."),
    ),
    "sv": (
        ("Ladda ner {site}-appen.", "Finns på {app}."),
        ("Håll dig uppdaterad med vår gratis app.", "Installera {site}s app i mobilen."),
    ),
    "tr": (
        ("{site} uygulamasını indirin.", "{app} üzerinden indirin."),
        (
            "Son dakika haberleri için ücretsiz uygulamamızı yükleyin.",
            "{site} mobil uygulaması ile haberler cebinizde.",
        ),
    ),
}

SOCIAL_PROMO: Phrasings = {
    "en": (
        (
            "Follow us on Facebook and Twitter.",
            "Follow {site} on Instagram for more stories like this.",
            "Like us on Facebook",
        ),
        (
            "Join our WhatsApp channel for the latest updates.",
            "Find us on TikTok and YouTube.",
            "Get our stories in your feed: follow us on LinkedIn.",
        ),
    ),
    "de": (
        ("Folgen Sie uns auf Facebook und Instagram.", "{site} auf Twitter folgen"),
        ("Abonnieren Sie unseren WhatsApp-Kanal.", "Besuchen Sie uns auch auf TikTok und YouTube."),
    ),
    "fr": (
        ("Suivez-nous sur Facebook et Twitter.", "Suivez {site} sur Instagram."),
        ("Rejoignez notre chaîne WhatsApp.", "Retrouvez-nous sur TikTok et YouTube."),
    ),
    "es": (
        ("Síguenos en Facebook y Twitter.", "Sigue a {site} en Instagram."),
        ("Únete a nuestro canal de WhatsApp.", "Encuéntranos también en TikTok y YouTube."),
    ),
    "it": (
        ("Seguici su Facebook e Twitter.", "Segui {site} su Instagram."),
        ("Unisciti al nostro canale WhatsApp.", "Trovaci anche su TikTok e YouTube."),
    ),
    "pt": (
        ("Siga-nos no Facebook e no Twitter.", "Siga o {site} no Instagram."),
        ("Entre no nosso canal do WhatsApp.", "Encontre-nos também no TikTok e no YouTube."),
    ),
    "nl": (
        ("Volg ons op Facebook en Twitter.", "Volg {site} op Instagram."),
        ("Word lid van ons WhatsApp-kanaal.", "Je vindt ons ook op TikTok en YouTube."),
    ),
    "pl": (
        ("Obserwuj nas na Facebooku i Twitterze.", "Śledź {site} na Instagramie."),
        ("Dołącz do naszego kanału na WhatsAppie.", "Znajdziesz nas też na TikToku i YouTube."),
    ),
    "sv": (
        ("Följ oss på Facebook och Twitter.", "Följ {site} på Instagram."),
        ("Gå med i vår WhatsApp-kanal.", "Du hittar oss även på TikTok och YouTube."),
    ),
    "tr": (
        ("Bizi Facebook ve Twitter'da takip edin.", "{site} Instagram hesabını takip edin."),
        ("WhatsApp kanalımıza katılın.", "Bizi TikTok ve YouTube'da da bulabilirsiniz."),
    ),
}

DONATION: Phrasings = {
    "en": (
        (
            "Support independent journalism: donate to {site} today.",
            "Become a member and help keep {site} free for everyone.",
            "If you value our reporting, please consider a contribution.",
            "Buy us a coffee",
        ),
        (
            "Our newsroom runs on reader support. Chip in $5 to keep it going.",
            "Join {n},000 readers who fund our work every month.",
            "Leave a tip to keep these stories coming.",
            "Make a one-time or monthly gift to {site}.",
        ),
    ),
    "de": (
        ("Unterstützen Sie unabhängigen Journalismus mit einer Spende.", "Werden Sie Mitglied bei {site}."),
        (
            "Mit einem kleinen Beitrag helfen Sie uns, weiter zu berichten.",
            "Jetzt {site} fördern – schon ab 3 Euro im Monat.",
        ),
    ),
    "fr": (
        ("Soutenez le journalisme indépendant : faites un don.", "Devenez membre de {site}."),
        (
            "Votre contribution nous permet de rester libres.",
            "Aidez {site} à continuer son travail dès 3 euros par mois.",
        ),
    ),
    "es": (
        ("Apoya el periodismo independiente: haz una donación.", "Hazte socio de {site}."),
        ("Tu aportación nos permite seguir informando.", "Colabora con {site} desde 3 euros al mes."),
    ),
    "it": (
        ("Sostieni il giornalismo indipendente: fai una donazione.", "Diventa socio di {site}."),
        (
            "Il tuo contributo ci permette di continuare a informare.",
            "Aiuta {site} con una piccola donazione mensile.",
        ),
    ),
    "pt": (
        ("Apoie o jornalismo independente: faça uma doação.", "Torne-se membro do {site}."),
        ("Sua contribuição mantém nosso trabalho vivo.", "Ajude o {site} a partir de 5 reais por mês."),
    ),
    "nl": (
        ("Steun onafhankelijke journalistiek met een donatie.", "Word lid van {site}."),
        ("Met jouw bijdrage kunnen wij blijven berichten.", "Help {site} vanaf 3 euro per maand."),
    ),
    "pl": (
        ("Wesprzyj niezależne dziennikarstwo – przekaż darowiznę.", "Zostań patronem {site}."),
        ("Twoje wsparcie pozwala nam dalej pisać.", "Wspieraj {site} już od 10 zł miesięcznie."),
    ),
    "sv": (
        ("Stöd oberoende journalistik – skänk en gåva.", "Bli medlem i {site}."),
        ("Ditt bidrag gör att vi kan fortsätta granska.", "Stötta {site} från 30 kronor i månaden."),
    ),
    "tr": (
        ("Bağımsız gazeteciliğe bağış yaparak destek olun.", "{site} üyesi olun."),
        (
            "Katkınız habercilik yapmaya devam etmemizi sağlıyor.",
            "{site} sitesine aylık destekle katkıda bulunun.",
        ),
    ),
}

SHARE_FRIEND: Phrasings = {
    "en": (
        (
            "Share this article with a friend.",
            "Know someone who would like this? Forward it to them.",
            "Email this story",
        ),
        (
            "Gift this article to anyone, free.",
            "Send this story to a friend or colleague.",
            "Copy link to share",
        ),
    ),
    "de": (
        ("Teilen Sie diesen Artikel mit Freunden.", "Artikel per E-Mail versenden"),
        ("Artikel verschenken", "Schicken Sie diesen Beitrag an einen Bekannten."),
    ),
    "fr": (
        ("Partagez cet article avec un ami.", "Envoyer par e-mail"),
        ("Offrir cet article", "Transmettez cet article à un proche."),
    ),
    "es": (
        ("Comparte este artículo con un amigo.", "Enviar por correo"),
        ("Regala este artículo", "Envía esta noticia a un amigo."),
    ),
    "it": (
        ("Condividi questo articolo con un amico.", "Invia per email"),
        ("Regala questo articolo", "Manda questa notizia a un amico."),
    ),
    "pt": (
        ("Compartilhe esta matéria com um amigo.", "Enviar por e-mail"),
        ("Presentear esta matéria", "Mande esta notícia para um amigo."),
    ),
    "nl": (
        ("Deel dit artikel met een vriend.", "Verstuur per e-mail"),
        ("Cadeau doen", "Stuur dit artikel door naar een kennis."),
    ),
    "pl": (
        ("Udostępnij ten artykuł znajomym.", "Wyślij e-mailem"),
        ("Podaruj ten artykuł", "Prześlij ten tekst znajomemu."),
    ),
    "sv": (
        ("Dela artikeln med en vän.", "Skicka med e-post"),
        ("Ge bort artikeln", "Tipsa en vän om artikeln."),
    ),
    "tr": (
        ("Bu haberi bir arkadaşınla paylaş.", "E-posta ile gönder"),
        ("Bu makaleyi hediye et", "Haberi bir tanıdığına gönder."),
    ),
}

COMMENT_FORM: Phrasings = {
    "en": (
        (
            "Leave a comment",
            "Your email address will not be published. Required fields are marked *",
            "You must be logged in to post a comment.",
        ),
        (
            "Comments are moderated and may take a while to appear.",
            "Be respectful: comments that break our rules will be removed.",
            "Start the conversation",
        ),
    ),
    "de": (
        ("Kommentar schreiben", "Ihre E-Mail-Adresse wird nicht veröffentlicht."),
        (
            "Die Kommentarfunktion ist für diesen Artikel deaktiviert.",
            "Kommentare werden vor der Veröffentlichung geprüft.",
        ),
    ),
    "fr": (
        ("Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée."),
        ("Les commentaires sont fermés pour cet article.", "Réagissez à cet article"),
    ),
    "es": (
        ("Deja un comentario", "Tu dirección de correo electrónico no será publicada."),
        ("Los comentarios están cerrados.", "Comenta esta noticia"),
    ),
    "it": (
        ("Lascia un commento", "Il tuo indirizzo email non sarà pubblicato."),
        ("I commenti sono chiusi.", "Commenta questa notizia"),
    ),
    "pt": (
        ("Deixe um comentário", "O seu endereço de e-mail não será publicado."),
        ("Os comentários estão encerrados.", "Comente esta notícia"),
    ),
    "nl": (
        ("Laat een reactie achter", "Je e-mailadres wordt niet gepubliceerd."),
        ("Reageren is niet meer mogelijk.", "Reageer op dit artikel"),
    ),
    "pl": (
        ("Dodaj komentarz", "Twój adres e-mail nie zostanie opublikowany."),
        ("Komentarze są wyłączone.", "Skomentuj ten artykuł"),
    ),
    "sv": (
        ("Lämna en kommentar", "Din e-postadress kommer inte att publiceras."),
        ("Kommentarsfältet är stängt.", "Kommentera artikeln"),
    ),
    "tr": (
        ("Yorum yap", "E-posta adresiniz yayınlanmayacak."),
        ("Bu habere yorum yapılamaz.", "Yorumunuzu yazın"),
    ),
}

COOKIE: Phrasings = {
    "en": (
        (
            "We use cookies to improve your experience on our site.",
            "Accept all cookies",
            "Manage cookie preferences",
        ),
        (
            "By continuing to browse, you agree to our use of cookies.",
            "This website uses cookies. Learn more.",
            "Reject non-essential",
        ),
    ),
    "de": (
        ("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.", "Alle Cookies akzeptieren"),
        ("Diese Website nutzt Cookies. Mehr erfahren.", "Cookie-Einstellungen"),
    ),
    "fr": (
        ("Nous utilisons des cookies pour améliorer votre expérience.", "Accepter les cookies"),
        (
            "En poursuivant votre navigation, vous acceptez l'utilisation des cookies.",
            "Paramétrer les cookies",
        ),
    ),
    "es": (
        ("Utilizamos cookies para mejorar tu experiencia.", "Aceptar cookies"),
        ("Si continúas navegando, aceptas el uso de cookies.", "Configurar cookies"),
    ),
    "it": (
        ("Utilizziamo i cookie per migliorare la tua esperienza.", "Accetta i cookie"),
        ("Proseguendo la navigazione accetti l'uso dei cookie.", "Gestisci le preferenze sui cookie"),
    ),
    "pt": (
        ("Utilizamos cookies para melhorar a sua experiência.", "Aceitar cookies"),
        ("Ao continuar navegando, você concorda com o uso de cookies.", "Configurações de cookies"),
    ),
    "nl": (
        ("Wij gebruiken cookies om je ervaring te verbeteren.", "Cookies accepteren"),
        ("Door verder te surfen ga je akkoord met ons cookiebeleid.", "Cookie-instellingen"),
    ),
    "pl": (
        ("Używamy plików cookies, aby poprawić działanie serwisu.", "Akceptuję cookies"),
        ("Korzystając ze strony, zgadzasz się na użycie plików cookie.", "Ustawienia cookies"),
    ),
    "sv": (
        ("Vi använder cookies för att förbättra din upplevelse.", "Godkänn alla cookies"),
        ("Genom att fortsätta surfa godkänner du vår användning av kakor.", "Cookieinställningar"),
    ),
    "tr": (
        ("Deneyiminizi geliştirmek için çerezler kullanıyoruz.", "Çerezleri kabul et"),
        ("Siteyi kullanmaya devam ederek çerez politikamızı kabul etmiş olursunuz.", "Çerez ayarları"),
    ),
}

NEWSLETTER: Phrasings = {
    "en": (
        (
            "Sign up for our daily newsletter.",
            "Get the best of {site} in your inbox every morning.",
            "Subscribe to our newsletter",
        ),
        (
            "Enter your email address to receive our weekly briefing.",
            "The morning digest: the day's news, straight to your mailbox.",
            "Thanks for signing up!",
        ),
    ),
    "de": (
        ("Melden Sie sich für unseren Newsletter an.", "Newsletter abonnieren"),
        (
            "Die wichtigsten Nachrichten jeden Morgen in Ihrem Postfach.",
            "Ihre E-Mail-Adresse für den Morgen-Briefing",
        ),
    ),
    "fr": (
        ("Inscrivez-vous à notre newsletter.", "Recevez notre lettre d'information."),
        (
            "L'essentiel de l'actualité chaque matin dans votre boîte mail.",
            "Votre adresse e-mail pour recevoir la lettre quotidienne",
        ),
    ),
    "es": (
        ("Suscríbete a nuestro boletín.", "Recibe nuestra newsletter."),
        (
            "Las noticias más importantes cada mañana en tu correo.",
            "Introduce tu correo para recibir el resumen diario",
        ),
    ),
    "it": (
        ("Iscriviti alla nostra newsletter.", "Ricevi la newsletter di {site}."),
        (
            "Le notizie principali ogni mattina nella tua casella di posta.",
            "Inserisci la tua email per ricevere il riepilogo",
        ),
    ),
    "pt": (
        ("Assine a nossa newsletter.", "Receba a newsletter do {site}."),
        (
            "As principais notícias todas as manhãs no seu e-mail.",
            "Digite seu e-mail para receber o resumo diário",
        ),
    ),
    "nl": (
        ("Schrijf je in voor onze nieuwsbrief.", "Ontvang de nieuwsbrief van {site}."),
        (
            "Het belangrijkste nieuws elke ochtend in je mailbox.",
            "Vul je e-mailadres in voor de dagelijkse update",
        ),
    ),
    "pl": (
        ("Zapisz się do naszego newslettera.", "Otrzymuj newsletter {site}."),
        (
            "Najważniejsze wiadomości każdego ranka na Twojej skrzynce.",
            "Podaj adres e-mail, aby otrzymywać codzienny przegląd",
        ),
    ),
    "sv": (
        ("Prenumerera på vårt nyhetsbrev.", "Få {site}s nyhetsbrev."),
        ("Dagens viktigaste nyheter i din inkorg varje morgon.", "Fyll i din e-post för att få morgonbrevet"),
    ),
    "tr": (
        ("Bültenimize abone olun.", "{site} e-bültenini alın."),
        ("Günün önemli haberleri her sabah e-posta kutunuzda.", "Günlük özet için e-posta adresinizi girin"),
    ),
}

RELATED_LABEL: Phrasings = {
    "en": (
        ("Related articles", "Read more:", "More from {site}"),
        ("You may also like", "Recommended for you", "Trending now"),
    ),
    "de": (("Mehr zum Thema", "Das könnte Sie auch interessieren"), ("Weitere Artikel", "Meistgelesen")),
    "fr": (("À lire aussi", "Sur le même sujet"), ("Les plus lus", "Nos articles recommandés")),
    "es": (("Te puede interesar", "Noticias relacionadas"), ("Lo más leído", "Más noticias")),
    "it": (("Leggi anche", "Articoli correlati"), ("I più letti", "Potrebbe interessarti")),
    "pt": (("Leia também", "Notícias relacionadas"), ("Mais lidas", "Veja também")),
    "nl": (("Lees ook", "Gerelateerde artikelen"), ("Meest gelezen", "Meer nieuws")),
    "pl": (("Przeczytaj także", "Zobacz również"), ("Najczęściej czytane", "Polecane artykuły")),
    "sv": (("Läs också", "Relaterade artiklar"), ("Mest läst", "Fler nyheter")),
    "tr": (("İlgili haberler", "Bunlar da ilginizi çekebilir"), ("En çok okunanlar", "Daha fazla haber")),
}

FAMILIES: dict[str, Phrasings] = {
    "paywall": PAYWALL,
    "ad_marker": AD_MARKER,
    "app_promo": APP_PROMO,
    "social_promo": SOCIAL_PROMO,
    "donation": DONATION,
    "share_friend": SHARE_FRIEND,
    "comment_form": COMMENT_FORM,
    "cookie": COOKIE,
    "newsletter": NEWSLETTER,
    "related_label": RELATED_LABEL,
}

SITES = (
    "The Valley Courier",
    "Nordpost",
    "Harbour Times",
    "El Diario Sur",
    "Gazzetta del Lago",
    "Kurier24",
    "Ridge Report",
)
APP_STORES = ("App Store", "Google Play", "App Store and Google Play")


def phrasings(family: str, language: str, split: str) -> tuple[str, ...]:
    """The family's wordings in a language for one half ("A" or "B")."""
    first, second = FAMILIES[family][language]
    return first if split == "A" else second
