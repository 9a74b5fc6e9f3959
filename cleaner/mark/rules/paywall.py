"""Paywall prompts: the article is cut off or locked behind a subscription or a login."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import ACCOUNT, THEN_ACCOUNT, TO_READER, PhraseRule, rule

PAYWALL = Reason.PAYWALL

PAYWALL_RULES: tuple[PhraseRule, ...] = (
    rule(
        "free_article_limit",
        PAYWALL,
        30,
        "a paywall notice: no free articles left",
        r"\byou(?:'ve| have) (?:reached|hit|used(?: up)?|exceeded|run out of|read(?: all)?)\b.{0,40}"
        r"\b(?:(?:free |monthly |daily |weekly )?(?:article|story|reading) limit|limit of (?:\w+ )?(?:free )?"
        r"(?:articles|stories|reads)|free (?:articles?|stories|story|reads?|views))\b",
        note="metered paywall: the reader used up free articles (the limit must be on articles, so "
        "'once you have reached the weight limit' in a how-to stays)",
    ),
    rule(
        "articles_remaining",
        PAYWALL,
        25,
        "a paywall counter of free articles left",
        r"\byou have (?:\d+|one|two|three|no) (?:more )?(?:free |remaining )?(?:articles?|story|stories|reads?) "
        r"(?:left|remaining)\b",
        note="metered paywall counter",
    ),
    rule(
        "to_continue_reading",
        PAYWALL,
        30,
        "a paywall prompt: log in or pay to keep reading",
        ACCOUNT + r".{0,80}\bto (?:continue|keep|start|finish) reading\b",
        TO_READER,
        note="a login or payment demanded to read on, addressed to the reader",
    ),
    rule(
        "continue_reading_with_account",
        PAYWALL,
        30,
        "a paywall prompt: log in or pay to keep reading",
        r"\bto (?:continue|keep) reading\b.{0,60}" + ACCOUNT,
        TO_READER + "|" + THEN_ACCOUNT,
        note="a login or payment demanded to read on ('To continue reading, please subscribe')",
    ),
    rule(
        "subscribers_only",
        PAYWALL,
        30,
        "a paywall notice: the article is for subscribers only",
        r"\b(?:this|the (?:full|rest of the)) (?:article|story|content|post|piece) is (?:only )?(?:available|reserved|"
        r"exclusive|accessible) (?:only )?(?:to|for) (?:our )?(?:paid |paying |premium |digital )?(?:subscribers|members)\b",
        note="content locked to subscribers",
    ),
    rule(
        "read_full_article",
        PAYWALL,
        30,
        "a paywall prompt: log in or pay to read the full article",
        ACCOUNT
        + r".{0,60}\bto (?:read|access|view|unlock) (?:the|this) (?:full|entire|whole|complete|rest of the) "
        r"(?:article|story|text)\b",
        TO_READER,
        note="a login or payment demanded for the full text, addressed to the reader",
    ),
    rule(
        "already_subscriber",
        PAYWALL,
        20,
        "the login link of a paywall box",
        r"\balready (?:an? (?:subscriber|member|account holder)|have an? (?:account|subscription)|registered|subscribed)"
        r"\s*\?|\bare you an? (?:subscriber|member)\s*\?\s*(?:log|sign)",
        note="the login link of a paywall box ('Are you a member?' alone is a quote, so it needs a login after it)",
    ),
    rule(
        "de_paywall",
        PAYWALL,
        30,
        "a paywall notice (German): the article is for subscribers",
        r"\b(?:dieser|der) (?:artikel|beitrag|inhalt|text) ist (?:(?:nur|exklusiv|ausschließlich) )?f[üu]r "
        r"(?:unsere )?(?:\w+-)?(?:abonnent\w*|abo-\w+|plus-\w+)"
        r"|\b(?:dieser|der) (?:artikel|beitrag|inhalt|text) ist (?:nur|exklusiv|ausschließlich) f[üu]r "
        r"(?:unsere )?(?:mitglieder|\w+-leser)",
        note="German paywall: the rest is for subscribers ('für Mitglieder' alone is a committee paper, so "
        "members need 'nur'/'exklusiv')",
    ),
    rule(
        "de_read_on",
        PAYWALL,
        20,
        "a paywall prompt (German): subscribe to read on",
        r"\b(?:weiterlesen mit|lesen sie (?:jetzt )?weiter mit)\b|\bum (?:den |diesen )?(?:ganzen |kompletten |"
        r"vollständigen )?(?:artikel |beitrag |text )?weiterzulesen\b",
        r"\bweiter(?:lesen)? mit\b|\babo\w*|\babonn\w*|\banmeld\w*|\bregistrier\w*|\beinlogg\w*|\bplus\b|\bzugang\b",
        note="German paywall: read on with a subscription ('um weiterzulesen' alone is narrative prose)",
    ),
    rule(
        "de_limit",
        PAYWALL,
        30,
        "a paywall notice (German): the free article limit is reached",
        r"\bsie haben (?:ihr|das|alle) (?:\w+ )?(?:limit|kontingent|gratis-artikel|kostenlosen artikel)",
        r"\b(?:artikel\w*|beitr[äa]g\w*|texte|gratis\w*|kostenlos\w*|freie[nr]?)\b",
        note="German metered paywall (the limit must be on articles: 'das Limit für Spenden' is news)",
    ),
    rule(
        "de_already_subscriber",
        PAYWALL,
        20,
        "the login link of a paywall box (German)",
        r"\bbereits (?:abonnent|abonniert|registriert|kunde)\w*\s*\?",
        note="German paywall login link",
    ),
    rule(
        "fr_paywall",
        PAYWALL,
        30,
        "a paywall notice (French): the article is for subscribers",
        r"\b(?:cet article|l'article|ce contenu|la suite(?: de cet article)?) est réservée? (?:à nos|aux) abonnés\b",
        note="French paywall: the rest is for subscribers",
    ),
    rule(
        "fr_remaining",
        PAYWALL,
        30,
        "a paywall counter of free articles left (French)",
        r"\bil vous reste \d+\s?% de (?:cet |l')article à lire\b",
        note="French paywall counter",
    ),
    rule(
        "fr_read_on",
        PAYWALL,
        25,
        "a paywall prompt (French): subscribe to read on",
        r"\b(?:abonnez-vous|inscrivez-vous|connectez-vous) pour (?:lire|continuer|poursuivre|accéder)",
        note="French paywall: subscribe to read on",
    ),
    rule(
        "fr_already_subscriber",
        PAYWALL,
        20,
        "the login link of a paywall box (French)",
        r"\bdéjà abonnée?\s*\?",
        note="French paywall login link",
    ),
    rule(
        "es_paywall",
        PAYWALL,
        30,
        "a paywall notice (Spanish): the article is for subscribers",
        r"\b(?:este|el) (?:contenido|artículo) es (?:exclusivo|solo|sólo|únicamente) (?:para|de) (?:nuestros )?"
        r"(?:suscriptores|socios|abonados)\b",
        note="Spanish paywall: the rest is for subscribers",
    ),
    rule(
        "es_read_on",
        PAYWALL,
        25,
        "a paywall prompt (Spanish): subscribe to read on",
        r"\b(?:suscríbete|suscribete|regístrate|registrate|inicia sesión) (?:\w+ ){0,3}para (?:seguir|continuar) leyendo\b",
        note="Spanish paywall: subscribe to read on",
    ),
    rule(
        "es_limit",
        PAYWALL,
        30,
        "a paywall notice (Spanish): the free article limit is reached",
        r"\bhas (?:alcanzado|llegado a|consumido) (?:el|tu) (?:límite|limite|máximo)\b",
        r"\b(?:art[íi]culos?|noticias|contenidos?|gratuit\w*|gratis|lecturas?)\b",
        note="Spanish metered paywall (the limit must be on articles: a data plan's limit is tech news)",
    ),
    rule(
        "es_already_subscriber",
        PAYWALL,
        20,
        "the login link of a paywall box (Spanish)",
        r"\bya eres (?:suscriptor|socio|abonado)\w*\s*\?",
        note="Spanish paywall login link",
    ),
    rule(
        "eu_subscribers_only",
        PAYWALL,
        30,
        "a paywall notice: the article is for subscribers (it, pt, nl, pl, sv, tr)",
        r"\b(?:riservat[oa] agli abbonati|(?:exclusiv[oa]|reservad[oa]) (?:para|a|aos) (?:nossos )?assinantes"
        r"|(?:alleen|enkel|uitsluitend) (?:voor|beschikbaar voor) abonnees|(?:tylko|wyłącznie) dla (?:subskrybentów|prenumeratorów"
        r"|abonentów)|(?:endast|bara) för (?:prenumeranter|premiumkunder)|(?:yalnızca|sadece) abonelere)\b",
        r"^.{0,80}$|\b(?:questo|este|esta|dit|deze|ten|ta|den här|denna|bu|l'articolo|o conteúdo|het artikel)\b",
        note="a paywall notice in Italian, Portuguese, Dutch, Polish, Swedish or Turkish: the article is for "
        "subscribers; a report that a paper 'reserved a section for subscribers' in a long sentence stays",
    ),
    rule(
        "eu_limit",
        PAYWALL,
        30,
        "a paywall notice: the free article limit is reached (it, pt, nl, pl, sv, tr)",
        r"\b(?:hai (?:raggiunto|esaurito)|você (?:atingiu|chegou ao)|atingiu o|je hebt (?:het|je)|u heeft (?:het|uw)"
        r"|wykorzystał(?:eś|aś|eś już)|osiągnąłeś|du har (?:läst|nått)|doldurdunuz|hakkınızı)\b",
        r"\b(?:gratuit\w*|gratis\w*|darmow\w*|bezpłatn\w*|gratisartiklar|ücretsiz|limit\w*|maximale?)\b",
        note="a metered paywall notice addressed to the reader in six more languages (a data plan's limit is "
        "news: the rule also asks for a free-article word)",
    ),
    rule(
        "eu_read_on",
        PAYWALL,
        25,
        "a paywall prompt: subscribe or log in to read on (it, pt, nl, pl, sv, tr)",
        r"\b(?:per (?:continuare a leggere|leggere (?:tutto|l'articolo completo))|para (?:continuar lendo|ler a matéria"
        r" completa|continuar a ler)|lees (?:verder|het hele artikel) met|om het hele artikel te lezen|aby (?:czytać dalej"
        r"|przeczytać (?:cały|całość))|(?:fortsätt läsa|läs hela artikeln) med|för att läsa hela|okumaya devam etmek için"
        r"|haberin tamamı için)\b",
        r"\b(?:abbonat\w*|abbonamento|accedi|assin\w*|login|abonnement|abonnee|log in|subskrypcj\w*|zaloguj\w*|prenumer\w*"
        r"|logga in|abone\w*|giriş)\b",
        note="an order to subscribe or log in to read on, in six more languages",
    ),
    rule(
        "eu_already_subscriber",
        PAYWALL,
        20,
        "the login link of a paywall box (it, pt, nl, pl, sv, tr)",
        r"\b(?:già abbonat[oa]|já é assinante|al abonnee|masz już (?:konto|subskrypcję)|redan prenumerant|zaten abone)\w*\s*\?",
        note="the login link of a paywall box in six more languages",
    ),
    rule(
        "read_the_rest",
        PAYWALL,
        30,
        "a paywall prompt: pay or log in to read the rest",
        r"^\W*to (?:read|see|access|enjoy|keep reading) (?:the (?:rest|remainder|full|whole)|all) (?:of )?(?:this |the )?"
        r"(?:story|article|piece|post|text)?",
        ACCOUNT + r"|\bbecome a (?:member|subscriber)\b|\bsubscription\b",
        note="a paywall prompt opening on what the reader wants to read ('To read the rest of the report, "
        "officials had to file a request' names no account for the reader and stays)",
    ),
)
