"""Junk a scraper leaves around an article, as data for bench/planted.py: families, languages, phrasings.

Every family has phrasings in ten languages (en, de, fr, es, it, pt, nl, pl, sv, tr), written here for
this benchmark (none copied from a page), in three halves per language:
- "A": the phrasings rules may be written from and the block classifier may train on;
- "B": other wordings of the same family, held apart for measuring (`planted.py --split B`);
- "C" (`HALF_C`): a third set of wordings, written blind, for an honest figure
  (`planted.py --split C`).
The figure measured on a held-out half says how a family generalises to wordings nobody wrote a rule
for. B no longer quite does: junk rules were written while looking at which families and languages
of B were left over, so its "junk left" is optimistic. C was written afterwards without seeing the
cleaner's rules, their word lists or what was left of B (different vocabulary and grammar from A and
B: labels, buttons, questions, statements, two-sentence boxes), and nothing may be tuned on it: do
not write rules, pick models or thresholds from C's leftovers, or it is used up like B. A and B stay
byte for byte as they were, so earlier figures stay reproducible.

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


# Half "C": written blind, after B had been used up (see the module docstring). Its own vocabulary and
# grammar (labels, buttons, questions, two-sentence boxes), written without looking at the cleaner's
# rules or at which families and languages of B they leave; nothing may be tuned on it.
HALF_C: dict[str, dict[str, tuple[str, ...]]] = {
    "paywall": {
        "en": (
            "Start your free trial to finish this story.",
            "Subscriber exclusive",
            "Only {site} members can see the remainder of this piece. Join now and cancel anytime.",
            "Try {n} weeks free, then €4.99 a month.",
        ),
        "de": (
            "Dieser Inhalt gehört zu {site} Plus.",
            "Jetzt {n} Wochen gratis testen, danach monatlich kündbar.",
            "Sie sind bereits Kunde? Hier anmelden.",
        ),
        "fr": (
            "Ce contenu fait partie de l'offre Premium.",
            "Essayez gratuitement pendant {n} semaines, sans engagement.",
            "Débloquez cet article en profitant de notre offre découverte.",
        ),
        "es": (
            "Contenido premium",
            "Prueba {n} semanas gratis y cancela cuando quieras.",
            "¿Ya tienes cuenta? Identifícate para desbloquear la noticia.",
        ),
        "it": (
            "Contenuto Premium",
            "Prova gratis per {n} settimane, poi disdici quando vuoi.",
            "Sblocca la lettura completa con l'offerta digitale di {site}.",
        ),
        "pt": (
            "Matéria Premium",
            "Experimente {n} semanas grátis e cancele quando quiser.",
            "Desbloqueie o texto completo com a oferta digital do {site}.",
        ),
        "nl": (
            "Plusartikel",
            "Probeer {n} weken gratis, daarna maandelijks opzegbaar.",
            "Ontgrendel dit verhaal met een digitaal pakket van {site}.",
        ),
        "pl": (
            "Treść premium",
            "Pierwszy miesiąc za 1 zł, potem możesz zrezygnować w każdej chwili.",
            "Odblokuj pełną treść z pakietem cyfrowym {site}.",
        ),
        "sv": (
            "Premiuminnehåll",
            "Prova {n} veckor gratis – ingen bindningstid.",
            "Lås upp hela texten med ett digitalt paket från {site}.",
        ),
        "tr": (
            "Premium içerik",
            "{n} hafta ücretsiz deneyin, dilediğiniz zaman iptal edin.",
            "Yazının kalanını görmek için dijital paketlerimizden birini seçin.",
        ),
    },
    "ad_marker": {
        "en": ("PROMOTED", "Paid content", "The article continues below"),
        "de": ("Gesponsert", "Bezahlte Partnerschaft", "Artikel geht unten weiter"),
        "fr": ("Contenu sponsorisé", "Partenaire", "L'article continue ci-dessous"),
        "es": ("Patrocinado", "Contenido patrocinado", "La noticia continúa debajo"),
        "it": ("Sponsorizzato", "Contenuto sponsorizzato", "L'articolo prosegue sotto"),
        "pt": ("Publieditorial", "Conteúdo patrocinado", "A matéria continua abaixo"),
        "nl": ("Gesponsord", "Gesponsorde inhoud", "Het artikel gaat hieronder verder"),
        "pl": ("Sponsorowane", "Materiał sponsorowany", "Ciąg dalszy artykułu poniżej"),
        "sv": ("Sponsrat", "Sponsrat innehåll", "Texten fortsätter nedanför"),
        "tr": ("Tanıtım", "İş birliği içeriği", "Yazının devamı aşağıda"),
    },
    "app_promo": {
        "en": (
            "Open in app",
            "Scan the QR code to get {site} on your phone.",
            "Prefer reading on your phone? Try our app, free on the {app}.",
        ),
        "de": (
            "In der App öffnen",
            "Push-Mitteilungen aktivieren: {site} gibt es gratis im {app}.",
            "Lieber mobil lesen? Probieren Sie unsere App aus.",
        ),
        "fr": (
            "Ouvrir dans l'appli",
            "Scannez le QR code pour avoir {site} sur votre téléphone.",
            "Vous préférez lire sur mobile ? Essayez notre appli.",
        ),
        "es": (
            "Abrir en la app",
            "Escanea el código QR y lleva {site} en tu teléfono.",
            "¿Prefieres leer desde el teléfono? Prueba nuestra app.",
        ),
        "it": (
            "Apri nell'app",
            "Inquadra il codice QR per avere {site} sul telefono.",
            "Preferisci leggere in mobilità? Prova la nostra app.",
        ),
        "pt": (
            "Abrir no app",
            "Aponte a câmera para o QR code e leve o {site} no bolso.",
            "Prefere ler pelo smartphone? Conheça nosso app.",
        ),
        "nl": (
            "Open in de app",
            "Scan de QR-code en zet {site} op je smartphone.",
            "Liever lezen onderweg? Probeer onze app.",
        ),
        "pl": (
            "Otwórz w aplikacji",
            "Zeskanuj kod QR i miej {site} zawsze przy sobie.",
            "Wolisz czytać w telefonie? Wypróbuj naszą aplikację.",
        ),
        "sv": (
            "Öppna i appen",
            "Skanna QR-koden och ta med {site} i fickan.",
            "Läser du hellre i telefonen? Testa vår app.",
        ),
        "tr": (
            "Uygulamada aç",
            "QR kodu okutun, {site} her an yanınızda olsun.",
            "Haberleri telefondan okumayı mı seviyorsunuz? Uygulamamızı deneyin.",
        ),
    },
    "social_promo": {
        "en": (
            "Join the {site} community on Facebook.",
            "Tap follow on X to get our headlines first.",
            "Never miss a post – we're on Threads and Bluesky too.",
        ),
        "de": (
            "Werden Sie Teil unserer Community auf Facebook.",
            "Auch auf Threads und Bluesky: {site}",
            "Keine Meldung verpassen – jetzt auf X folgen.",
        ),
        "fr": (
            "La communauté {site} vous attend sur Facebook.",
            "Nous sommes aussi sur Threads et Bluesky.",
            "Abonnez-vous à notre compte X pour ne rien manquer.",
        ),
        "es": (
            "Forma parte de la comunidad de {site} en Facebook.",
            "También estamos en Threads y Bluesky.",
            "¿Usas X? Activa las notificaciones de nuestra cuenta.",
        ),
        "it": (
            "Entra nella community di {site} su Facebook.",
            "Siamo presenti anche su Threads e Bluesky.",
            "Sei su X? Attiva le notifiche del nostro profilo.",
        ),
        "pt": (
            "Faça parte da comunidade do {site} no Facebook.",
            "Também estamos no Threads e no Bluesky.",
            "Está no X? Ative as notificações do nosso perfil.",
        ),
        "nl": (
            "Sluit je aan bij de {site}-community op Facebook.",
            "We zitten ook op Threads en Bluesky.",
            "Zit je op X? Zet meldingen aan voor ons account.",
        ),
        "pl": (
            "Bądź częścią społeczności {site} na Facebooku.",
            "Jesteśmy również na Threads i Bluesky.",
            "Masz konto na X? Włącz powiadomienia z naszego profilu.",
        ),
        "sv": (
            "Bli en del av {site}s gemenskap på Facebook.",
            "Vi finns också på Threads och Bluesky.",
            "Är du på X? Slå på notiser för vårt konto.",
        ),
        "tr": (
            "Facebook'taki {site} topluluğuna siz de katılın.",
            "Threads ve Bluesky'da da varız.",
            "X kullanıyor musunuz? Hesabımızın bildirimlerini açın.",
        ),
    },
    "donation": {
        "en": (
            "Can you spare £3? Journalism like this costs money to produce.",
            "Pay what you can",
            "Readers like you keep {site} going. Back our work today.",
            "Fund the next investigation",
        ),
        "de": (
            "Freiwillig bezahlen",
            "Guter Journalismus kostet Geld. Zahlen Sie, was er Ihnen wert ist.",
            "Unsere Recherchen leben von Lesern wie Ihnen.",
        ),
        "fr": (
            "Payez ce que vous voulez",
            "Une enquête comme celle-ci a un coût. Pouvez-vous nous épauler ?",
            "{site} existe grâce à ses lecteurs. Participez dès aujourd'hui.",
        ),
        "es": (
            "Paga lo que quieras",
            "El buen periodismo cuesta dinero. ¿Nos echas una mano?",
            "{site} existe gracias a lectores como tú. Súmate hoy.",
        ),
        "it": (
            "Paga quanto vuoi",
            "Il buon giornalismo ha un costo. Ci dai una mano?",
            "{site} esiste grazie a lettori come te. Partecipa oggi.",
        ),
        "pt": (
            "Pague quanto quiser",
            "Jornalismo de qualidade custa caro. Pode nos dar uma força?",
            "O {site} existe graças a leitores como você. Participe hoje.",
        ),
        "nl": (
            "Betaal wat je wilt",
            "Goede journalistiek kost geld. Draag jij je steentje bij?",
            "{site} bestaat dankzij lezers zoals jij. Doe vandaag mee.",
        ),
        "pl": (
            "Zapłać, ile chcesz",
            "Rzetelne dziennikarstwo kosztuje. Dorzucisz się?",
            "{site} istnieje dzięki czytelnikom takim jak Ty. Dołącz już dziś.",
        ),
        "sv": (
            "Betala vad du vill",
            "Bra journalistik kostar pengar. Vill du hjälpa till?",
            "{site} finns tack vare läsare som du. Var med redan i dag.",
        ),
        "tr": (
            "Dilediğiniz kadar ödeyin",
            "İyi gazetecilik emek ve para ister. Bize el verir misiniz?",
            "{site}, sizin gibi okurlar sayesinde yayında. Bugün siz de aramıza katılın.",
        ),
    },
    "share_friend": {
        "en": (
            "Found this useful? Pass it on.",
            "Share via WhatsApp",
            "Spread the word: post this story to your network.",
        ),
        "de": (
            "Hat Ihnen der Text gefallen? Empfehlen Sie ihn weiter.",
            "Per WhatsApp teilen",
            "Link kopieren",
        ),
        "fr": ("Cet article vous a plu ? Faites-le circuler.", "Partager sur WhatsApp", "Copier le lien"),
        "es": ("¿Te ha resultado útil? Pásalo.", "Compartir en WhatsApp", "Copiar enlace"),
        "it": ("Ti è stato utile? Fallo girare.", "Condividi su WhatsApp", "Copia il link"),
        "pt": ("Achou útil? Passe adiante.", "Compartilhar no WhatsApp", "Copiar link"),
        "nl": ("Iets aan gehad? Geef het door.", "Delen via WhatsApp", "Link kopiëren"),
        "pl": ("Przydało się? Przekaż dalej.", "Udostępnij na WhatsAppie", "Kopiuj link"),
        "sv": ("Hade du nytta av texten? Skicka den vidare.", "Dela via WhatsApp", "Kopiera länk"),
        "tr": ("Faydalı buldunuz mu? Başkalarına da iletin.", "WhatsApp'ta paylaş", "Bağlantıyı kopyala"),
    },
    "comment_form": {
        "en": (
            "Join the discussion",
            "{n} comments",
            "Have your say – sign in or register to reply.",
        ),
        "de": (
            "Diskutieren Sie mit",
            "{n} Kommentare",
            "Jetzt mitreden: Melden Sie sich an, um zu antworten.",
        ),
        "fr": (
            "Participez à la discussion",
            "{n} commentaires",
            "Soyez courtois. Les messages hors sujet seront supprimés.",
        ),
        "es": ("Únete a la conversación", "{n} comentarios", "Publicar comentario"),
        "it": ("Partecipa alla discussione", "{n} commenti", "Invia il commento"),
        "pt": ("Participe da conversa", "{n} comentários", "Publicar comentário"),
        "nl": ("Praat mee", "{n} reacties", "Plaats je reactie"),
        "pl": ("Dołącz do dyskusji", "Komentarze ({n})", "Opublikuj komentarz"),
        "sv": ("Delta i debatten", "Kommentarer ({n})", "Skicka kommentar"),
        "tr": ("Tartışmaya katılın", "{n} yorum", "Yorumu gönder"),
    },
    "cookie": {
        "en": (
            "Your privacy matters to us. We and our partners store information on your device.",
            "Allow all",
            "Necessary only",
        ),
        "de": (
            "Ihre Privatsphäre ist uns wichtig. Wir und unsere Partner speichern Informationen auf Ihrem Gerät.",
            "Alle zulassen",
            "Nur notwendige",
        ),
        "fr": (
            "Votre vie privée compte pour nous. Nos partenaires et nous stockons des informations sur votre appareil.",
            "Tout autoriser",
            "Continuer sans accepter",
        ),
        "es": (
            "Tu privacidad nos importa. Nosotros y nuestros socios guardamos información en tu dispositivo.",
            "Permitir todo",
            "Solo las necesarias",
        ),
        "it": (
            "La tua privacy è importante per noi. Noi e i nostri partner memorizziamo informazioni sul tuo dispositivo.",
            "Consenti tutto",
            "Continua senza accettare",
        ),
        "pt": (
            "Sua privacidade é importante. Nós e nossos parceiros armazenamos informações no seu dispositivo.",
            "Permitir todos",
            "Somente os necessários",
        ),
        "nl": (
            "Jouw privacy is belangrijk. Wij en onze partners slaan gegevens op je apparaat op.",
            "Alles toestaan",
            "Alleen noodzakelijke",
        ),
        "pl": (
            "Twoja prywatność jest dla nas ważna. My i nasi partnerzy przechowujemy informacje na Twoim urządzeniu.",
            "Zezwól na wszystkie",
            "Tylko niezbędne",
        ),
        "sv": (
            "Din integritet är viktig för oss. Vi och våra partner lagrar information på din enhet.",
            "Tillåt alla",
            "Endast nödvändiga",
        ),
        "tr": (
            "Gizliliğiniz bizim için önemli. Biz ve iş ortaklarımız cihazınızda bilgi saklıyoruz.",
            "Tümüne izin ver",
            "Yalnızca gerekli olanlar",
        ),
    },
    "newsletter": {
        "en": (
            "Don't miss out: our editors' picks, every Friday.",
            "Sign me up",
            "No spam, unsubscribe anytime.",
        ),
        "de": (
            "Nichts mehr verpassen: die Auswahl der Redaktion, jeden Freitag per Mail.",
            "Jetzt eintragen",
            "Kein Spam, jederzeit abbestellbar.",
        ),
        "fr": (
            "Ne ratez plus rien : la sélection de la rédaction chaque vendredi par e-mail.",
            "Je m'inscris",
            "Pas de spam, désinscription en un clic.",
        ),
        "es": (
            "No te pierdas nada: la selección de la redacción, cada viernes por email.",
            "Quiero apuntarme",
            "Sin spam. Puedes darte de baja cuando quieras.",
        ),
        "it": (
            "Non perderti nulla: la selezione della redazione ogni venerdì via email.",
            "Mi iscrivo",
            "Niente spam, cancellazione in un clic.",
        ),
        "pt": (
            "Não perca nada: a seleção da redação toda sexta-feira por e-mail.",
            "Quero me cadastrar",
            "Sem spam. Cancele quando quiser.",
        ),
        "nl": (
            "Mis niets: de keuze van de redactie, elke vrijdag per mail.",
            "Aanmelden",
            "Geen spam, je kunt je altijd afmelden.",
        ),
        "pl": (
            "Nie przegap niczego: wybór redakcji w każdy piątek na maila.",
            "Zapisuję się",
            "Zero spamu, wypiszesz się jednym kliknięciem.",
        ),
        "sv": (
            "Missa inget: redaktionens val varje fredag i mejlen.",
            "Skriv upp mig",
            "Ingen spam – avsluta när du vill.",
        ),
        "tr": (
            "Hiçbir şeyi kaçırmayın: editörlerimizin seçtikleri her cuma e-postanızda.",
            "Kaydol",
            "Spam yok, istediğiniz zaman listeden çıkabilirsiniz.",
        ),
    },
    "related_label": {
        "en": ("Don't miss", "Editor's picks", "Elsewhere on {site}"),
        "de": ("Auch interessant", "Empfehlungen der Redaktion", "Top-Themen"),
        "fr": ("À ne pas manquer", "Le choix de la rédaction", "Ailleurs sur {site}"),
        "es": ("No te lo pierdas", "Selección del editor", "También en {site}"),
        "it": ("Da non perdere", "Scelti dalla redazione", "Altro da {site}"),
        "pt": ("Não perca", "Escolhas do editor", "Mais no {site}"),
        "nl": ("Niet te missen", "Keuze van de redactie", "Ook op {site}"),
        "pl": ("Nie przegap", "Wybór redakcji", "Warto przeczytać"),
        "sv": ("Missa inte", "Redaktionen tipsar", "Mer från {site}"),
        "tr": ("Kaçırmayın", "Editörün seçtikleri", "Gündemdekiler"),
    },
}

SPLITS = ("A", "B", "C")


def phrasings(family: str, language: str, split: str) -> tuple[str, ...]:
    """The family's wordings in a language for one half ("A", "B" or "C")."""
    if split == "C":
        return HALF_C[family][language]
    if split not in ("A", "B"):
        raise ValueError(f"no half {split!r} of the junk wordings (halves: {', '.join(SPLITS)})")
    first, second = FAMILIES[family][language]
    return first if split == "A" else second
