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
        "metered paywall: the reader used up free articles (the limit must be on articles, so "
        "'once you have reached the weight limit' in a how-to stays)",
        r"\byou(?:'ve| have) (?:reached|hit|used(?: up)?|exceeded|run out of|read(?: all)?)\b.{0,40}"
        r"\b(?:(?:free |monthly |daily |weekly )?(?:article|story|reading) limit|limit of (?:\w+ )?(?:free )?"
        r"(?:articles|stories|reads)|free (?:articles?|stories|story|reads?|views))\b",
    ),
    rule(
        "articles_remaining",
        PAYWALL,
        25,
        "metered paywall counter",
        r"\byou have (?:\d+|one|two|three|no) (?:more )?(?:free |remaining )?(?:articles?|story|stories|reads?) "
        r"(?:left|remaining)\b",
    ),
    rule(
        "to_continue_reading",
        PAYWALL,
        30,
        "a login or payment demanded to read on, addressed to the reader",
        ACCOUNT + r".{0,80}\bto (?:continue|keep|start|finish) reading\b",
        TO_READER,
    ),
    rule(
        "continue_reading_with_account",
        PAYWALL,
        30,
        "a login or payment demanded to read on ('To continue reading, please subscribe')",
        r"\bto (?:continue|keep) reading\b.{0,60}" + ACCOUNT,
        TO_READER + "|" + THEN_ACCOUNT,
    ),
    rule(
        "subscribers_only",
        PAYWALL,
        30,
        "content locked to subscribers",
        r"\b(?:this|the (?:full|rest of the)) (?:article|story|content|post|piece) is (?:only )?(?:available|reserved|"
        r"exclusive|accessible) (?:only )?(?:to|for) (?:our )?(?:paid |paying |premium |digital )?(?:subscribers|members)\b",
    ),
    rule(
        "read_full_article",
        PAYWALL,
        30,
        "a login or payment demanded for the full text, addressed to the reader",
        ACCOUNT
        + r".{0,60}\bto (?:read|access|view|unlock) (?:the|this) (?:full|entire|whole|complete|rest of the) "
        r"(?:article|story|text)\b",
        TO_READER,
    ),
    rule(
        "already_subscriber",
        PAYWALL,
        20,
        "the login link of a paywall box ('Are you a member?' alone is a quote, so it needs a login after it)",
        r"\balready (?:an? (?:subscriber|member|account holder)|have an? (?:account|subscription)|registered|subscribed)"
        r"\s*\?|\bare you an? (?:subscriber|member)\s*\?\s*(?:log|sign)",
    ),
    rule(
        "de_paywall",
        PAYWALL,
        30,
        "German paywall: the rest is for subscribers ('für Mitglieder' alone is a committee paper, so "
        "members need 'nur'/'exklusiv')",
        r"\b(?:dieser|der) (?:artikel|beitrag|inhalt|text) ist (?:(?:nur|exklusiv|ausschließlich) )?f[üu]r "
        r"(?:unsere )?(?:\w+-)?(?:abonnent\w*|abo-\w+|plus-\w+)"
        r"|\b(?:dieser|der) (?:artikel|beitrag|inhalt|text) ist (?:nur|exklusiv|ausschließlich) f[üu]r "
        r"(?:unsere )?(?:mitglieder|\w+-leser)",
    ),
    rule(
        "de_read_on",
        PAYWALL,
        20,
        "German paywall: read on with a subscription ('um weiterzulesen' alone is narrative prose)",
        r"\b(?:weiterlesen mit|lesen sie (?:jetzt )?weiter mit)\b|\bum (?:den |diesen )?(?:ganzen |kompletten |"
        r"vollständigen )?(?:artikel |beitrag |text )?weiterzulesen\b",
        r"\bweiter(?:lesen)? mit\b|\babo\w*|\babonn\w*|\banmeld\w*|\bregistrier\w*|\beinlogg\w*|\bplus\b|\bzugang\b",
    ),
    rule(
        "de_limit",
        PAYWALL,
        30,
        "German metered paywall (the limit must be on articles: 'das Limit für Spenden' is news)",
        r"\bsie haben (?:ihr|das|alle) (?:\w+ )?(?:limit|kontingent|gratis-artikel|kostenlosen artikel)",
        r"\b(?:artikel\w*|beitr[äa]g\w*|texte|gratis\w*|kostenlos\w*|freie[nr]?)\b",
    ),
    rule(
        "de_already_subscriber",
        PAYWALL,
        20,
        "German paywall login link",
        r"\bbereits (?:abonnent|abonniert|registriert|kunde)\w*\s*\?",
    ),
    rule(
        "fr_paywall",
        PAYWALL,
        30,
        "French paywall: the rest is for subscribers",
        r"\b(?:cet article|l'article|ce contenu|la suite(?: de cet article)?) est réservée? (?:à nos|aux) abonnés\b",
    ),
    rule(
        "fr_remaining",
        PAYWALL,
        30,
        "French paywall counter",
        r"\bil vous reste \d+\s?% de (?:cet |l')article à lire\b",
    ),
    rule(
        "fr_read_on",
        PAYWALL,
        25,
        "French paywall: subscribe to read on",
        r"\b(?:abonnez-vous|inscrivez-vous|connectez-vous) pour (?:lire|continuer|poursuivre|accéder)",
    ),
    rule("fr_already_subscriber", PAYWALL, 20, "French paywall login link", r"\bdéjà abonnée?\s*\?"),
    rule(
        "es_paywall",
        PAYWALL,
        30,
        "Spanish paywall: the rest is for subscribers",
        r"\b(?:este|el) (?:contenido|artículo) es (?:exclusivo|solo|sólo|únicamente) (?:para|de) (?:nuestros )?"
        r"(?:suscriptores|socios|abonados)\b",
    ),
    rule(
        "es_read_on",
        PAYWALL,
        25,
        "Spanish paywall: subscribe to read on",
        r"\b(?:suscríbete|suscribete|regístrate|registrate|inicia sesión) (?:\w+ ){0,3}para (?:seguir|continuar) leyendo\b",
    ),
    rule(
        "es_limit",
        PAYWALL,
        30,
        "Spanish metered paywall (the limit must be on articles: a data plan's limit is tech news)",
        r"\bhas (?:alcanzado|llegado a|consumido) (?:el|tu) (?:límite|limite|máximo)\b",
        r"\b(?:art[íi]culos?|noticias|contenidos?|gratuit\w*|gratis|lecturas?)\b",
    ),
    rule(
        "es_already_subscriber",
        PAYWALL,
        20,
        "Spanish paywall login link",
        r"\bya eres (?:suscriptor|socio|abonado)\w*\s*\?",
    ),
)
