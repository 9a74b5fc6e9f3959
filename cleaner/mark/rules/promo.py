"""Ad markers, app promotions, cookie banners and share-with-a-friend lines, in ten languages.

Each is the whole block (a label, a button, a banner sentence) and speaks to the reader or names
the page's own furniture; news about ads, apps, cookies or sharing is told in the third person and
in longer sentences, and keeps the words of a report ("said", "according to"), so the rules ask for
the shape of the furniture: the label alone, an imperative opening the block, or the first person
plural of the site ("we use cookies", "our app"). Languages: en, de, fr, es, it, pt, nl, pl, sv, tr.
"""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import PhraseRule, rule

ADS = Reason.ADVERTISEMENT
PROMO = Reason.PROMO
CHROME = Reason.PAGE_CHROME
SOCIAL = Reason.SOCIAL_EMBED

# The word for an advertisement, as ad slots label themselves.
_AD_WORD = (
    r"(?:advertisements?|advertising|advertorial|ad|ads|sponsored(?: content| post)?|anzeigen?|werbung|publicité|pub"
    r"|annonces?|publicidad|anuncios?|pubblicità|annunci|annuncio|publicidade|anúncios?|advertenties?|reclames?"
    r"|reklam[ay]?|ogłoszenie|annons(?:er)?|sponsorlu)"
)
# "continues below/after the ad", per language: the article resumes after the slot.
_AFTER_AD = (
    r"(?:story|article|text|content) continues (?:below|after)(?: (?:this|the))? "
    + _AD_WORD
    + r"|(?:continue|keep) reading (?:below|after)(?: (?:this|the))?(?: "
    + _AD_WORD
    + r")?"
    + r"|(?:weiter|weiterlesen|lesen sie weiter) nach (?:der|dieser) (?:anzeige|werbung)"
    + r"|(?:la )?suite (?:de l'article )?(?:après|ci-dessous)(?: cette| la)? (?:publicité|annonce|pub)"
    + r"|(?:sigue|continúa|continua) (?:leyendo )?(?:después|tras|debajo) (?:del|de la) (?:anuncio|publicidad)"
    + r"|continua (?:a leggere )?dopo (?:la pubblicità|l'annuncio)"
    + r"|continua (?:depois|após|a seguir) (?:da|à) publicidade|continua após (?:o anúncio|a publicidade)"
    + r"|lees verder (?:na|onder) de (?:advertentie|reclame)"
    + r"|dalsza część (?:artykułu|tekstu) (?:pod|po) reklam\w*"
    + r"|(?:artikeln|texten) fortsätter (?:efter|under) (?:annonsen|reklamen)"
    + r"|haberin devamı reklamdan sonra|devamı reklamdan sonra"
)
# What an app is called, and the stores it comes from.
_APP = r"(?:app|apps|application|applications|appli|aplicación|aplicativo|applicazione|aplikacj[aęi]|appen|appar|uygulama\w*)"
_STORE = r"(?:app ?store|google play|play store|apple store)"
_GET_APP = (
    r"(?:download|get|install|try|open|read (?:this|the|it|more)\b.{0,20}\bin)|(?:laden sie|holen sie sich|installieren sie"
    r"|jetzt)|(?:téléchargez|installez|retrouvez)|(?:descarga|descargue|instala|baja)|(?:scarica|installa)"
    r"|(?:baixe|instale|descarregue)|(?:download|installeer)|(?:pobierz|zainstaluj|ściągnij)|(?:ladda ner|hämta|installera)"
)
# Verb-final languages put the order last: "... uygulamasını indirin", "... App herunterladen".
_GET_APP_LAST = r"(?:indir(?:in|iniz|ebilirsiniz)?|yükle(?:yin|yiniz|yebilirsiniz)?|herunterladen|installieren|downloaden|installeren)\W*$"

PROMO_RULES: tuple[PhraseRule, ...] = (
    rule(
        "ad_label",
        ADS,
        8,
        "an advertisement label",
        r"^\W*" + _AD_WORD + r"\W*$"
        r"|^\W*(?:" + _AFTER_AD + r")\W*$",
        note="the label an ad slot leaves in the text ('Advertisement', 'Anzeige', 'Publicité') or the line "
        "that says the article resumes after it; alone on its line, so 'Advertising revenue fell' stays",
    ),
    rule(
        "app_download",
        PROMO,
        22,
        "a promotion for the app of the site",
        r"\b" + _APP + r"\b|" + _STORE,
        r"^\W*(?:"
        + _GET_APP
        + r")\b|"
        + _GET_APP_LAST
        + r"|\b(?:our|unsere[nm]?|notre|nuestra|nostra|nossa|nosso|onze|naszej|vår|vårt) "
        r".{0,25}?\b" + _APP + r"\b|^\W*(?:available|disponible|disponibile|disponível"
        r"|verfügbar|beschikbaar|dostępn\w+|finns)\b.{0,20}"
        + _STORE
        + r"\W*$|^.{0,40}"
        + _APP
        + r"\w* (?:news|nachrichten"
        r"|haberler)\b.{0,30}\b(?:handy|phone|mobile|cebinizde|telefon\w*)\W*$",
        note="an order to get the site's app, the site's own app named, or the store badge alone ('The company "
        "said its app was downloaded a million times' is news and opens with no order)",
    ),
    rule(
        "store_badge",
        PROMO,
        6,
        "an app store badge",
        r"^\W*(?:download (?:on|from) |get it on |available (?:on|in) )?(?:the )?"
        + _STORE
        + r"(?:,? (?:and|&|or) "
        + _STORE
        + r")?\W*$|^\W*"
        + _STORE
        + r" ?(?:üzerinden |'dan |'den )?(?:indirin|indir)\W*$",
        note="an app store badge alone on its line ('App Store', 'Get it on Google Play')",
    ),
    rule(
        "cookie_banner",
        CHROME,
        35,
        "a cookie consent banner",
        r"\b(?:cookies?|kakor|çerez\w*|ciasteczk\w*|plików cookie|pliki cookie|plik\w* cookies)\b",
        r"\b(?:we use|we and our partners use|this (?:web)?site uses|by (?:continuing|using|clicking)|wir verwenden|wir nutzen"
        r"|diese (?:website|seite|webseite) (?:verwendet|nutzt)|nous utilisons|ce site utilise|en poursuivant|utilizamos|usamos"
        r"|este sitio (?:web )?utiliza|si continúas|utilizziamo|usiamo|questo sito utilizza|proseguendo|ao continuar"
        r"|este site utiliza|wij gebruiken|we gebruiken|deze (?:web)?site gebruikt|door verder|używamy|korzystając"
        r"|vi använder|genom att fortsätta|kullanıyoruz|devam ederek)\b"
        r"|^\W*(?:accept|reject|allow|manage|customi[sz]e|alle|accepter|refuser|paramétrer|gérer|aceptar|rechazar|configurar"
        r"|accetta|rifiuta|gestisci|aceitar|recusar|configurações|accepteren|weigeren|akceptuj\w*|odrzuć|ustawienia"
        r"|godkänn|neka|hantera|kabul|reddet)\b.{0,30}\W*$"
        r"|\b(?:cookie|çerez)[- ]?(?:settings|preferences|policy|einstellungen|richtlinie|instellingen|inställningar|ayarları"
        r"|politikası)\W*$",
        note="a cookie banner: the site's first person ('we use cookies'), its buttons, or its settings link; "
        "a report that 'users must accept cookies to view the video' opens with neither",
    ),
    rule(
        "cookie_button",
        CHROME,
        4,
        "a cookie consent button or settings link",
        r"\b(?:cookie|çerez|kakor|ciasteczk)",
        r"\b(?:accept\w*|akzept\w*|acept\w*|accett\w*|aceit\w*|akceptuj\w*|godkänn\w*|kabul|reject\w*|ablehn\w*|refuse\w*|rechaz\w*"
        r"|rifiut\w*|recus\w*|weiger\w*|odrzuć|neka|reddet|allow|erlauben|autoriser|permitir)\b|(?:settings|einstellungen|paramètres"
        r"|configuración|impostazioni|configurações|instellingen|ustawienia|inställningar|ayarları|preferences|präferenzen|beleid"
        r"|richtlinie|policy|politikası)\W*$",
        note="a cookie button or settings link, four words at most, compounds included ('Cookie-Einstellungen', "
        "'Cookies accepteren'); a subhead like 'Cookies and the law' has no button word",
    ),
    rule(
        "share_with_friend",
        SOCIAL,
        14,
        "a share-with-a-friend button or prompt",
        r"^\W*(?:share|forward|send|gift|e-?mail) (?:this|the|it|our) (?:article|story|post|piece|link)\b"
        r"|^\W*(?:share|forward|send) (?:it|this) (?:with|to) (?:a friend|friends|them|someone|a colleague)\b"
        r"|\bknow someone who (?:would|might) (?:like|enjoy)\b|^\W*(?:copy link|e-?mail this(?: article| story)?"
        r"|gift (?:this )?article)\b"
        r"|^\W*(?:teilen sie (?:diesen|den) (?:artikel|beitrag)|artikel (?:per e-?mail )?(?:versenden|teilen|verschenken)"
        r"|schicken sie (?:diesen|den) (?:artikel|beitrag))"
        r"|^\W*(?:partagez cet article|envoyer par e-?mail|offrir cet article|transmettez cet article)"
        r"|^\W*(?:comparte (?:este|esta) (?:artículo|noticia)|enviar por (?:correo|e-?mail)|regala este artículo"
        r"|envía esta noticia)"
        r"|^\W*(?:condividi (?:questo|l') ?articolo|invia per e-?mail|regala questo articolo|manda questa notizia)"
        r"|^\W*(?:compartilhe (?:esta|este) (?:matéria|notícia|artigo)|enviar por e-?mail|presentear (?:esta|este)"
        r"|mande esta notícia)"
        r"|^\W*(?:deel dit artikel|verstuur per e-?mail|stuur dit artikel door|cadeau doen)"
        r"|^\W*(?:udostępnij (?:ten )?(?:artykuł|tekst)|wyślij e-?mailem|podaruj (?:ten )?artykuł|prześlij (?:ten )?"
        r"(?:artykuł|tekst))"
        r"|^\W*(?:dela (?:artikeln|texten)|skicka med e-?post|ge bort artikeln|tipsa en vän)"
        r"|^\W*(?:bu (?:haberi|makaleyi) (?:bir )?(?:arkadaşınla |arkadaşınızla )?(?:paylaş|hediye et|gönder)\w*"
        r"|e-posta ile gönder|haberi bir tanıdığına gönder)",
        note="a share button or an ask to pass the article on, opening the block ('Share this with your "
        "friends, the pastor urged' names no article and stays)",
    ),
)
