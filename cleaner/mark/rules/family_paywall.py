"""Paywall prompts and account buttons, as concept families."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import CLAUSE_START, PhraseRule, rule
from cleaner.mark.rules.lexicon import ADDRESSED, NOT_REPORTED, OFFER, READER, SITE_WE, any_of
from cleaner.mark.rules.paywall_words import ACCESS, FREE_READS, GATE, LOCKED, PRICE, READ_ON
from cleaner.mark.rules.signup_words import ACCOUNT_BUTTON

PAYWALL_FAMILY: tuple[PhraseRule, ...] = (
    rule(
        "paywall_read_on",
        Reason.PAYWALL,
        25,
        "a paywall prompt: subscribe or log in to read on",
        any_of(READ_ON),
        any_of(GATE) + "|" + PRICE,
        NOT_REPORTED,
        note="reading on and a subscription or login in one short line, any order and any of fifteen "
        "languages, or the price of reading on ('Weiterlesen mit Plus', 'Sigue leyendo por 1 €'); 'The newspaper lost "
        "20,000 subscribers last year' names no reading on and stays",
    ),
    rule(
        "paywall_read_on_short",
        Reason.PAYWALL,
        8,
        "a paywall prompt: read on",
        any_of(READ_ON),
        ADDRESSED + r"|\?",
        NOT_REPORTED,
        note="a short line offering the rest to the reader ('Vous souhaitez lire la suite ?', 'Accédez à "
        "l'intégralité de cet article'); an article's 'Read on.' addresses no one and stays",
    ),
    rule(
        "account_buttons",
        Reason.SUBSCRIBE_CTA,
        6,
        "an account button or menu entry",
        r"^\W*"
        + any_of(ACCOUNT_BUTTON)
        + r"(?:\W{1,5}(?:(?:ou|oder|o|of|lub|eller|veya|ou)\W{1,5})?"
        + any_of(ACCOUNT_BUTTON)
        + r"){0,2}\W*$",
        note="login and subscribe buttons alone on their line, in nine more languages ('Se connecter', "
        "'Zaloguj się / Zarejestruj się'); a sentence goes on past the button words",
    ),
    rule(
        "paywall_access",
        Reason.PAYWALL,
        25,
        "a paywall prompt: subscribe for full access",
        any_of(ACCESS, FREE_READS),
        any_of(GATE),
        any_of(READER, SITE_WE, OFFER) + "|" + CLAUSE_START + any_of(GATE),
        NOT_REPORTED,
        note="access to all articles or a free-article meter, a subscription, and the "
        "reader, an offer or the order to subscribe "
        "('Der Verlag erhöht den Preis des Digital-Abos für alle Artikel' addresses no one and stays)",
    ),
    rule(
        "paywall_locked",
        Reason.PAYWALL,
        12,
        "a paywall label: the article is for subscribers",
        any_of(LOCKED),
        NOT_REPORTED,
        note="a short label locking the article to subscribers ('Réservé aux abonnés', 'Nur für "
        "Abonnenten', 'Abonelere özel'); a report that a paper 'reserved a section for subscribers' is "
        "longer than a label and stays",
    ),
    rule(
        "free_reads_left",
        Reason.PAYWALL,
        20,
        "a paywall counter of free articles",
        any_of(FREE_READS),
        any_of(READER),
        NOT_REPORTED,
        note="free articles counted for the reader ('Il vous reste 2 articles gratuits'); 'The site offers "
        "five free articles a month' addresses no one and stays",
    ),
)
