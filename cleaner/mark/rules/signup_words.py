r"""Concepts of newsletter sign-ups, account buttons and cookie banners per language."""

from __future__ import annotations

from cleaner.mark.rules.lexicon import Lexicon

# fmt: off
# The newsletter itself, by its name in each language.
NEWSLETTER_WORD: Lexicon = {
    "en": ["newsletters?", "e-?mail (?:updates|alerts|briefing)", "daily briefing", "mailing list"],
    "de": ["newsletter\\w{0,2}", "\\w{1,20}-newsletter"],
    "fr": ["newsletters?", "lettres? d'information", "infolettres?", "lettres? d'info"],
    "es": ["boletín\\w{0,3}", "boletines", "newsletters?"],
    "it": ["newsletter"],
    "pt": ["newsletters?", "boletim", "boletins"],
    "nl": ["nieuwsbrie\\w{1,4}", "newsletter"],
    "pl": ["newsletter\\w{0,3}", "biuletyn\\w{0,3}"],
    "sv": ["nyhetsbrev\\w{0,3}"],
    "tr": ["bülten\\w{0,6}", "e-bülten\\w{0,6}"],
    "da": ["nyhedsbrev\\w{0,3}"],
    "no": ["nyhetsbrev\\w{0,3}"],
    "cs": ["newsletter\\w{0,3}", "zpravodaj\\w{0,3}"],
    "ro": ["newsletter\\w{0,3}", "buletin\\w{0,6}"],
    "id": ["buletin", "newsletter"],
}

# Signing up, as an order or a button (not a past tense: a report of who signed up is news).
SIGN_UP: Lexicon = {
    "en": ["sign up", "subscribe", "register", "join", "get", "receive", "enter your e-?mail", "inbox"],
    "de": ["abonnieren sie", "melden sie sich", "bestellen sie", "(?:abonnieren|bestellen|anmelden)\\W*$", "jetzt (?:abonnieren|bestellen|anmelden)", "postfach", "posteingang"],
    "fr": ["inscrivez-vous", "abonnez-vous", "recevez", "inscris-toi", "abonne-toi", "s'inscrire", "boîte (?:mail|e-mail|de réception)"],
    "es": ["suscríbete", "suscribete", "apúntate", "regístrate", "recibe", "suscribirse", "correo", "bandeja de entrada"],
    "it": ["iscriviti", "abbonati", "ricevi", "registrati", "iscriversi", "casella"],
    "pt": ["assine", "inscreva-se", "cadastre-se", "receba", "assinar", "caixa de entrada"],
    "nl": ["schrijf je in", "meld je aan", "abonneer", "ontvang", "aanmelden", "inschrijven", "mailbox", "inbox"],
    "pl": ["subskrypcj\\w{1,3}", "prenumerat\\w{1,3}", "zapisz się", "zapisać się", "subskrybuj", "zamów", "otrzymuj", "zasubskrybuj", "skrzynk\\w{1,3}", "zapisz"],
    "sv": ["prenumerera", "anmäl dig", "registrera dig", "få", "inkorg\\w{0,2}"],
    "tr": ["abone ol\\w{0,4}", "kaydol\\w{0,4}", "alın", "e-posta\\w{0,10}"],
    "da": ["tilmeld dig", "abonner"],
    "no": ["meld deg på", "abonner"],
    "cs": ["přihlaste se", "odebírejte", "přihlásit"],
    "ro": ["abonează-te", "înscrie-te"],
    "id": ["berlangganan", "daftar"],
}

# Signing up as an order in a language whose order has its own form (English has none: its "sign
# up" is also the verb of a report, so English orders are found at a clause start instead).
ORDER: Lexicon = {
    "de": ["abonnieren sie", "melden sie sich", "bestellen sie", "registrieren sie sich", "abonniere"],
    "fr": ["inscrivez-vous", "abonnez-vous", "inscris-toi", "abonne-toi", "recevez"],
    "es": ["suscríbete", "suscribete", "apúntate", "apuntate", "regístrate", "recibe"],
    "it": ["iscriviti", "abbonati", "ricevi", "registrati"],
    "pt": ["assine", "inscreva-se", "cadastre-se", "receba"],
    "nl": ["schrijf je in", "meld je aan", "abonneer je", "ontvang", "schrijf u in", "meld u aan"],
    "pl": ["zapisz się", "subskrybuj", "zasubskrybuj", "zamów", "otrzymuj", "aby otrzymywać", "dołącz do"],
    "sv": ["prenumerera på", "anmäl dig", "registrera dig", "få (?:vårt|våra)"],
    "tr": ["abone olun", "kaydolun", "\\w{0,12}üye olun"],
    "da": ["tilmeld dig"],
    "no": ["meld deg på"],
    "cs": ["přihlaste se", "odebírejte"],
    "ro": ["abonează-te", "înscrie-te", "abonați-vă"],
    "id": ["berlangganan", "daftar sekarang"],
}

# The news delivered by e-mail: a newsletter pitch that never names the newsletter.
DELIVERY: Lexicon = {
    "en": ["(?:to|in|into) your inbox", "by e-?mail", "via e-?mail"],
    "de": ["per e-?mail", "per mail", "(?:ins|in ihr|in dein) (?:e-mail-)?postfach", "in ihren posteingang"],
    "fr": ["par e-?mail", "par courriel", "dans (?:votre|ta) boîte\\w{0,3}"],
    "es": ["por (?:correo|e-?mail)", "en tu (?:correo|bandeja|e-?mail)"],
    "it": ["via e-?mail", "per e-?mail", "nella tua (?:casella|e-?mail|posta)"],
    "pt": ["por e-?mail", "no seu e-?mail", "na sua caixa"],
    "nl": ["per e-?mail", "per mail", "in je (?:mailbox|inbox)", "in uw (?:mailbox|inbox)"],
    "pl": ["na (?:maila|skrzynkę)", "skrzynk\\w{1,3} mailow\\w{1,3}", "e-?mailem", "mailem", "(?:na|w|do) (?:twoją|twojej|twoim|twój|swoją|swojej|swój) (?:skrzynk\\w{1,3}|poczt\\w{1,3}|e-?mail\\w{0,3}|maila?)"],
    "sv": ["via e-?post", "via mejl", "i din (?:inkorg|mejl|e-post)\\w{0,3}"],
    "tr": ["e-posta(?:nıza| kutunuza| adresinize)", "mail adresinize"],
}

# What a newsletter brings: the news, the day's headlines.
NEWS: Lexicon = {
    "en": ["every (?:morning|day|week)", "daily", "weekly", "news", "headlines", "updates", "briefing"],
    "de": ["jeden (?:morgen|tag)", "täglich\\w{0,2}", "wöchentlich\\w{0,2}", "nachrichten", "news", "schlagzeilen", "themen", "neuigkeiten"],
    "fr": ["actualités?", "l'essentiel", "infos?", "informations"],
    "es": ["noticias", "titulares", "novedades", "lo más importante"],
    "it": ["notizie", "novità", "aggiornamenti"],
    "pt": ["notícias", "novidades", "manchetes"],
    "nl": ["nieuws", "updates", "het belangrijkste"],
    "pl": ["artykuł\\w{0,3}", "teksty", "najciekawsze", "codzienn\\w{1,4}", "podsumowani\\w{1,3}", "przegląd\\w{0,3}", "najnowsze", "wiadomości", "informacj\\w{1,2}", "newsy", "najważniejsze"],
    "sv": ["nyheter\\w{0,3}", "senaste"],
    "tr": ["haber\\w{0,6}", "gündem\\w{0,3}", "gelişme\\w{0,5}"],
}

# "Stay informed": a newsletter box's heading in every language.
STAY_INFORMED: Lexicon = {
    "en": ["stay (?:informed|in the loop|up to date|updated)", "never miss a (?:story|thing)"],
    "de": ["bleiben sie (?:auf dem laufenden|informiert)", "bleib (?:auf dem laufenden|informiert)", "immer bestens informiert"],
    "fr": ["restez informée?s?", "restez au courant", "ne manquez rien"],
    "es": ["mantente (?:informado|al día)", "no te pierdas nada"],
    "it": ["resta (?:aggiornato|informato)", "rimani aggiornato", "non perderti nulla"],
    "pt": ["fique (?:por dentro|informado|atualizado)", "não perca nada"],
    "nl": ["blijf (?:op de hoogte|geïnformeerd)", "mis niets"],
    "pl": ["(?:bądź|być|bądźcie) (?:zawsze )?na bieżąco", "bądź na bieżąco", "bądź zawsze na bieżąco", "nie przegap"],
    "sv": ["håll dig (?:uppdaterad|informerad)", "missa inget"],
    "tr": ["gelişmelerden haberdar olun", "haberdar olun", "hiçbir (?:haberi|gelişmeyi) kaçırmayın"],
    "da": ["hold dig opdateret"],
    "no": ["hold deg oppdatert"],
    "cs": ["buďte v obraze"],
    "ro": ["fii la curent", "rămâi informat"],
    "id": ["tetap terhubung", "jangan lewatkan"],
}

# The e-mail field of a sign-up form, labelled in each language.
EMAIL_FIELD: Lexicon = {
    "en": ["(?:enter )?your e-?mail(?: address)?"],
    "de": ["ihre e-?mail(?:-adresse)?", "deine e-?mail(?:-adresse)?", "e-?mail-adresse eingeben"],
    "fr": ["(?:votre|ton) (?:adresse )?e-?mail", "saisissez votre (?:adresse )?e-?mail"],
    "es": ["tu (?:correo|e-?mail|dirección de correo)(?: electrónico)?", "introduce tu (?:correo|e-?mail)"],
    "it": ["(?:il )?tuo indirizzo e-?mail", "la tua e-?mail", "inserisci (?:la tua|il tuo indirizzo) e-?mail"],
    "pt": ["seu e-?mail", "(?:o )?seu endereço de e-?mail", "digite seu e-?mail"],
    "nl": ["je e-?mail(?:adres)?", "uw e-?mail(?:adres)?", "vul je e-?mail(?:adres)? in"],
    "pl": ["(?:twój|swój|wpisz|podaj) (?:swój )?(?:adres )?e-?mail", "adres e-?mail"],
    "sv": ["din e-?post(?:adress)?", "ange din e-?post(?:adress)?"],
    "tr": ["e-posta adresiniz\\w{0,3}", "e-posta adresinizi girin"],
}

# Account buttons of a paywall box: log in, subscribe, my account, alone on their line.
ACCOUNT_BUTTON: Lexicon = {
    "de": ["anmelden", "einloggen", "abonnieren", "abo abschließen", "mein konto", "registrieren", "login"],
    "fr": ["s'abonner", "se connecter", "connexion", "je m'abonne", "mon compte", "s'inscrire"],
    "es": ["suscribirse", "suscríbete", "iniciar sesión", "inicia sesión", "mi cuenta", "registrarse", "regístrate"],
    "it": ["abbonati", "accedi", "registrati", "il mio account", "abbonarsi"],
    "pt": ["assine", "assinar", "entrar", "minha conta", "cadastre-se", "fazer login"],
    "nl": ["inloggen", "abonneren", "word abonnee", "mijn account", "registreren", "log in"],
    "pl": ["zapisz się", "zapisz mnie", "zaloguj się", "zaloguj", "zarejestruj się", "subskrybuj", "moje konto", "kup subskrypcję", "wykup dostęp"],
    "sv": ["logga in", "prenumerera", "bli prenumerant", "mitt konto", "skapa konto"],
    "tr": ["giriş yap", "abone ol", "üye ol", "hesabım", "kayıt ol", "oturum aç"],
}

# Cookies, by the name banners give them.
COOKIE: Lexicon = {
    "all": ["cookie\\w{0,15}", "cookie-\\w{1,15}"],
    "sv": ["kakor"],
    "tr": ["çerez\\w{0,8}"],
    "pl": ["ciasteczk\\w{1,3}", "plik\\w{0,3} cookies?"],
    "cs": ["soubor\\w{1,2} cookies?"],
    "ro": ["module cookie"],
}

# What a banner does with them: use, consent, agree, the partners and the privacy policy.
CONSENT: Lexicon = {
    "en": ["use", "uses", "using", "consent", "agree\\w{0,2}", "accept\\w{0,3}", "privacy", "partners", "personali[sz]\\w{1,6}", "preferences", "experience"],
    "de": ["verwende\\w{1,3}", "nutz\\w{1,4}", "einwillig\\w{1,4}", "zustimm\\w{1,4}", "einverstanden", "akzeptier\\w{1,4}", "datenschutz\\w{0,10}", "partner"],
    "fr": ["utilis\\w{1,6}", "consentement", "accept\\w{1,6}", "confidentialité", "partenaires", "expérience"],
    "es": ["utiliza\\w{0,4}", "usamos", "consentimiento", "acept\\w{1,6}", "privacidad", "socios", "experiencia"],
    "it": ["utilizz\\w{1,6}", "usiamo", "consenso", "accett\\w{1,6}", "privacy", "partner", "esperienza"],
    "pt": ["utiliza\\w{0,4}", "usamos", "consentimento", "aceit\\w{1,6}", "privacidade", "parceiros", "experiência"],
    "nl": ["gebruik\\w{0,4}", "toestemming", "plaats\\w{0,3}", "helpen", "verbeter\\w{0,3}", "akkoord", "accepte\\w{1,6}", "privacy\\w{0,10}", "partners", "ervaring"],
    "pl": ["używa\\w{1,4}", "wykorzystuj\\w{1,4}", "zgod\\w{1,3}", "akceptuj\\w{1,4}", "prywatności", "partner\\w{0,3}"],
    "sv": ["använd\\w{1,4}", "samtyck\\w{1,4}", "godkänn\\w{0,4}", "integritet\\w{0,6}", "partner"],
    "tr": ["kullan\\w{1,10}", "onay\\w{0,8}", "kabul", "gizlilik", "kişisel veri\\w{0,6}"],
    "da": ["bruger", "samtykke"],
    "no": ["bruker", "samtykke"],
    "cs": ["používá\\w{0,2}", "souhlas\\w{0,4}"],
    "ro": ["folosim", "utilizăm", "acord\\w{0,3}"],
    "id": ["menggunakan", "persetujuan"],
}

# The choices of a cookie banner's buttons: all, only the necessary, preferences, settings.
COOKIE_CHOICE: Lexicon = {
    "en": ["accept all", "reject all", "allow all", "necessary", "essential", "preferences", "settings", "manage"],
    "de": ["alle", "notwendig\\w{0,3}", "essenziell\\w{0,3}", "zulassen", "präferenzen", "einstellungen", "verwalten"],
    "fr": ["tout accepter", "tout refuser", "nécessaires", "essentiels", "autoriser", "préférences", "paramètres", "personnaliser"],
    "es": ["todas", "necesarias", "esenciales", "permitir", "preferencias", "configuración", "configurar"],
    "it": ["tutti", "necessari", "essenziali", "consenti", "preferenze", "impostazioni", "personalizza"],
    "pt": ["todos", "necessários", "essenciais", "permitir", "preferências", "configurações", "definições"],
    "nl": ["alle", "noodzakelijk\\w{0,2}", "functionele", "toestaan", "voorkeuren", "instellingen", "accepteer", "weiger"],
    "pl": ["wszystkie", "niezbędne", "zezwól", "preferencje", "ustawienia", "zarządzaj"],
    "sv": ["alla", "nödvändiga", "tillåt", "inställningar", "hantera"],
    "tr": ["tümünü", "tümü", "zorunlu", "izin ver", "tercih\\w{0,6}", "ayarlar\\w{0,3}"],
}

# The site as the subject of a banner: "this website uses cookies".
THIS_SITE: Lexicon = {
    "en": ["this (?:web)?site", "our (?:web)?site"],
    "de": ["diese (?:website|webseite|seite)", "unsere (?:website|webseite|seite)"],
    "fr": ["ce site"],
    "es": ["este sitio", "esta (?:web|página)"],
    "it": ["questo sito"],
    "pt": ["este (?:site|portal)"],
    "nl": ["deze (?:web)?site"],
    "pl": ["(?:ta|nasza) stron\\w{1,2}", "serwis\\w{0,3}"],
    "sv": ["(?:den här|denna) (?:webbplats|sajt)\\w{0,2}", "vår (?:webbplats|sajt)"],
    "tr": ["bu (?:site|web sitesi)\\w{0,6}", "sitemiz\\w{0,6}"],
    "cs": ["tento web", "tyto stránky"],
    "ro": ["acest site"],
    "id": ["situs ini"],
}
# fmt: on
