r"""Concepts of paywall prompts per language: reading on, the locked article, the gate to pass."""

from __future__ import annotations

from cleaner.mark.rules.lexicon import Lexicon

# fmt: off
# Reading on, or the whole of the article: what the reader is kept from.
READ_ON: Lexicon = {
    "en": ["continue reading", "keep reading", "read on", "reading on", "read (?:the|this) (?:full|whole|entire|complete|rest)", "(?:the )?rest of (?:this|the) (?:article|story|piece)", "full (?:article|story|text)", "entire (?:article|story)", "premium (?:article|story|content)"],
    "de": ["weiterlesen", "weiter lesen", "lesen sie (?:jetzt )?weiter", "lies weiter", "(?:ganzen|vollständigen|kompletten) (?:artikel|beitrag|text)", "rest des (?:artikels|beitrags|textes)", "zugang zu (?:allen|diesem|dem)"],
    "fr": ["le reste de (?:cet |l')article", "lisez (?:cet |l')article", "lire (?:l'article|cet article) en entier", "continuer (?:à|a) lire", "(?:poursuivre|poursuivez|continuer|continuez) (?:la |votre )?lecture", "(?:lire|lisez|découvrez) la suite", "la suite de (?:cet |l')article", "l'article (?:complet|en intégralité)", "l'intégralité de (?:cet |l')article", "lire (?:cet |l')article", "continuez (?:à|a) lire"],
    "es": ["seguir leyendo", "continuar leyendo", "sigue leyendo", "continúa leyendo", "lee (?:la noticia|el artículo)", "leer (?:la noticia|el artículo|este artículo|esta noticia)", "(?:artículo|noticia|contenido) complet[oa]", "resto de(?:l artículo| la noticia)"],
    "it": ["continuare a leggere", "continua a leggere", "proseguire (?:la )?lettura", "leggere (?:l'articolo|tutto|questo articolo)", "articolo completo", "leggi (?:l'articolo|tutto|anche)", "resto dell'articolo", "contenuto (?:premium|riservato|esclusivo)"],
    "pt": ["continuar (?:lendo|a ler)", "continue (?:lendo|a ler)", "ler (?:a matéria|o artigo|a reportagem|esta|este)", "(?:matéria|reportagem|texto|artigo|notícia) complet[oa]", "resto d[ao] (?:matéria|artigo|texto)", "todo o conteúdo"],
    "nl": ["verder lezen", "lees verder", "verder te lezen", "lees het (?:hele|volledige) artikel", "(?:hele|volledige) artikel", "rest van (?:het|dit) artikel"],
    "pl": ["czytaj dalej", "czytać dalej", "czytania", "przeczyta[jć] (?:cał\\w{1,3}|resztę|pełn\\w{1,3})", "cał\\w{1,3} (?:artykuł\\w{0,2}|tekst\\w{0,2})", "pełn\\w{1,3} (?:treść|treści|wersj\\w|artykuł\\w{0,2}|dostęp\\w{0,2})", "dalsz\\w{1,3} częś\\w{1,3}", "dostęp\\w{0,2} do (?:wszystkich|tego|całego|pełnej)"],
    "sv": ["läs vidare", "läsa vidare", "fortsätt läsa", "fortsätta läsa", "läs(?:a)? hela (?:artikeln|texten)", "hela (?:artikeln|texten)", "resten av (?:artikeln|texten)"],
    "tr": ["okumaya devam", "devamını oku\\w{0,8}", "(?:haberin|yazının|makalenin) (?:tamamı\\w{0,3}|devamı\\w{0,3})", "tamamını oku\\w{0,8}", "tüm (?:haberlere|içeriklere|içeriğe)"],
    "da": ["læs videre", "læse videre", "hele artiklen", "resten af artiklen"],
    "no": ["les videre", "lese videre", "hele artikkelen", "resten av artikkelen"],
    "cs": ["číst dál", "čtení", "cel(?:ý|ého) článk?\\w{0,2}", "zbytek článku"],
    "ro": ["continuă (?:să citești|lectura)", "citește (?:tot|articolul)", "articolul (?:complet|integral)", "restul articolului"],
    "id": ["baca selengkapnya", "lanjut(?:kan)? membaca", "artikel lengkap"],
}

# The gate: a subscription, an account, the subscribers the article is kept for.
GATE: Lexicon = {
    "en": ["subscri\\w{1,10}", "sign (?:in|up)", "log (?:in|on)", "login", "register\\w{0,3}", "(?:free |an )account", "member(?:s|ship)?", "paying readers", "premium", "digital access"],
    "de": ["abos?", "abo-\\w{1,12}", "\\w{1,20}abos?", "\\w{1,20}-abo\\w{0,2}", "abonn\\w{1,10}", "anmeld\\w{1,6}", "einlogg\\w{1,4}", "registrier\\w{1,6}", "mitglied\\w{0,6}", "plus", "login"],
    "fr": ["membres?", "abonn\\w{1,10}", "connect\\w{1,10}", "inscri\\w{1,10}", "compte", "offre"],
    "es": ["suscr\\w{1,12}", "socios?", "abonad\\w{1,3}", "regístrate", "registrarte", "inicia sesión", "iniciar sesión", "cuenta", "premium"],
    "it": ["abbona\\w{1,10}", "accedi", "registrati", "iscriviti", "premium", "login"],
    "pt": ["assin\\w{1,10}", "cadastr\\w{1,10}", "faça login", "entre", "premium"],
    "nl": ["abonne\\w{1,10}", "abonnement\\w{0,2}", "log in", "inloggen", "registreer", "premium", "plus"],
    "pl": ["subskryp\\w{1,6}", "subskryb\\w{1,8}", "prenumerat\\w{1,6}", "abonament\\w{0,4}", "abonen\\w{1,6}", "zaloguj\\w{0,6}", "zarejestruj\\w{0,6}", "premium"],
    "sv": ["prenumer\\w{1,10}", "logga in", "inloggad", "plus", "premium", "medlem\\w{0,4}"],
    "tr": ["abone\\w{0,10}", "üye\\w{0,10}", "giriş yap\\w{0,6}", "premium"],
    "da": ["abonn\\w{1,8}", "log ind"],
    "no": ["abonn\\w{1,8}", "logg inn"],
    "cs": ["předplat\\w{1,8}", "přihlas\\w{1,6}"],
    "ro": ["abona\\w{1,8}", "abonamen\\w{1,4}", "autentific\\w{1,6}", "cont"],
    "id": ["berlangganan", "langganan", "masuk", "premium"],
}

# A free-article meter: the articles the reader may still read without paying.
FREE_READS: Lexicon = {
    "en": ["(?:free|remaining) (?:articles?|stories|story|reads?)", "last free", "article limit"],
    "de": ["(?:kostenlos|gratis|frei)\\w{0,3} (?:artikel|beiträge|texte)", "gratis-artikel", "letzte\\w{0,2} (?:kostenlos|gratis)\\w{0,3}"],
    "fr": ["articles? (?:gratuit|offert)s?", "dernier article (?:gratuit|offert)"],
    "es": ["(?:artículos?|noticias?) (?:gratis|gratuit\\w{1,3})", "último artículo gratuito"],
    "it": ["articol[io] (?:gratuit[io]|gratis)", "ultimo articolo gratuito"],
    "pt": ["(?:matérias?|artigos?|reportagens?) (?:gratuit\\w{1,3}|grátis)"],
    "nl": ["gratis artikel\\w{0,2}", "laatste gratis"],
    "pl": ["(?:darmow|bezpłatn)\\w{1,3} (?:artykuł\\w{0,3}|tekst\\w{0,3})"],
    "sv": ["gratisartik\\w{1,5}", "fria artiklar", "gratis artiklar"],
    "tr": ["ücretsiz (?:haber|makale|içerik)\\w{0,6}"],
}

# Access to more than this article: weaker than reading on, so a rule asks for the reader too.
ACCESS: Lexicon = {
    "en": ["unlimited (?:access|reading|articles)", "unlock (?:this|the|every|all)", "premium (?:article|story|content)"],
    "de": ["alle (?:artikel|inhalte|beiträge)", "freischalten", "freigeschaltet", "unbegrenzt(?:en)? (?:zugang|zugriff|lesen)", "\\w{0,12}plus-(?:artikel|inhalt|text)\\w{0,2}", "zugang zu (?:allen|diesem|dem)"],
    "fr": ["accès illimité", "débloque[rz]", "(?:tous|l'ensemble de) (?:nos|les) (?:articles|contenus)", "en illimité", "sans limite", "lecture illimitée", "accédez", "accéder"],
    "es": ["acceso (?:ilimitado|total|completo|digital)", "sin límites?", "de forma ilimitada", "todo el contenido", "contenido exclusivo", "todas las noticias", "todos los (?:contenidos|artículos)", "accede", "acceder"],
    "it": ["accesso (?:illimitato|completo|digitale)", "tutti gli articoli", "tutti i contenuti", "senza limiti", "contenuto (?:premium|riservato|esclusivo)", "accedi"],
    "pt": ["acesso (?:ilimitado|completo|digital)", "conteúdo exclusivo", "todo o conteúdo", "sem limites", "todas as (?:matérias|notícias)", "acesse"],
    "nl": ["onbeperkt (?:toegang|lezen)", "alle artikelen", "premium artikel\\w{0,2}"],
    "pl": ["nieograniczon\\w{1,3} dostęp\\w{0,2}", "dostęp\\w{0,2} do (?:wszystkich|tego|całego|pełnej)"],
    "sv": ["obegränsad (?:tillgång|läsning)", "full tillgång", "alla artiklar"],
    "tr": ["sınırsız erişim\\w{0,3}", "tüm (?:haberlere|içeriklere|içeriğe)"],
    "da": ["fri adgang"],
    "no": ["full tilgang"],
    "cs": ["neomezený přístup"],
    "ro": ["acces nelimitat"],
    "id": ["akses tanpa batas"],
}

# The article locked to subscribers, said in a label or a short line.
LOCKED: Lexicon = {
    "en": ["(?:paid |paying |digital |premium )?subscribers?[- ]only", "(?:only |exclusively )?(?:for|to) (?:our )?(?:paid |paying |digital |premium )?(?:subscribers|members) only", "(?:exclusive|reserved|available) (?:only )?(?:to|for) (?:our )?(?:paid |paying |digital |premium )?(?:subscribers|members)", "members[- ]only (?:content|article|story)", "subscriber[- ]exclusive"],
    "de": ["(?:nur|exklusiv|ausschließlich) (?:für|mit) (?:unsere )?(?:\\w{1,20}-)?(?:abonnent\\w{0,5}|abo\\w{0,8})", "abonnenten-?exklusiv", "\\w{1,20}\\+-?(?:artikel|inhalt)"],
    "fr": ["(?:accessible|disponible|ouverte?)s? (?:uniquement |seulement )?(?:à nos|aux) (?:abonnés|membres)", "pour (?:les|nos) abonnés", "réservée?s? (?:à nos|aux) membres", "(?:contenu|article) exclusif", "exclusif abonnés?", "accès (?:abonnés?|réservé)", "réservée?s? (?:à nos|aux) abonnés", "(?:article|contenu|édition)s? (?:abonnés?|premium)", "exclusivité abonnés?", "il vous reste \\d{1,3}(?:[.,]\\d{1,2})? ?% (?:de cet |de l')article", "(?:pour les |aux )?abonnés? (?:seulement|uniquement)"],
    "es": ["(?:es |solo |sólo )?para (?:nuestros |los )?(?:suscriptores|abonados)", "(?:exclusiv[oa]|sólo|solo|únicamente|reservad[oa]|disponible) (?:para )?(?:nuestros |los )?(?:suscriptores|socios|abonados)", "(?:contenido|artículo|noticia) (?:para )?(?:suscriptores|premium)"],
    "it": ["(?:riservat[oa]|esclusiv[oa]|solo|dedicat[oa]) (?:per |agli |ai nostri |a )?(?:gli )?abbonati", "(?:articolo|contenuto) (?:premium|riservato|per abbonati)"],
    "pt": ["(?:exclusiv[oa]|só|somente|apenas|restrit[oa]|reservad[oa]) (?:para |a |aos )?(?:nossos )?assinantes", "(?:conteúdo|matéria|artigo) (?:para assinantes|premium)"],
    "nl": ["(?:alleen|enkel|uitsluitend|exclusief) (?:voor|beschikbaar voor) (?:onze )?abonnees", "(?:plus|premium)-?artikel"],
    "pl": ["(?:tylko|wyłącznie|dostępn\\w{1,3}|ekskluzywn\\w{1,3}) dla (?:naszych )?(?:subskrybentów|prenumeratorów|abonentów|użytkowników premium)", "(?:artykuł|treść|materiał) (?:premium|płatn\\w{1,3})"],
    "sv": ["(?:endast|bara|enbart|exklusivt) för (?:våra )?(?:prenumeranter|premiumkunder|medlemmar)", "(?:plus|premium)artikel\\w{0,2}"],
    "tr": ["(?:yalnızca|sadece) abonelere", "(?:abonelere|üyelere) özel", "premium (?:içerik|haber)\\w{0,3}"],
    "da": ["(?:kun )?for abonnenter"],
    "no": ["(?:kun )?for abonnenter"],
    "cs": ["(?:pouze |jen )?pro předplatitele"],
    "ro": ["(?:doar|numai|exclusiv) pentru abonați"],
    "id": ["khusus pelanggan", "hanya untuk pelanggan"],
}

# A price: a paywall that names what reading on costs instead of the word subscription.
PRICE = r"(?:[€$£]\s?\d|\b\d{1,3}(?:[.,]\d{1,2})?\s?(?:€|euros?\b|\$|£|zł\b|kr\b|tl\b|lira\b|reais\b))"
# fmt: on
