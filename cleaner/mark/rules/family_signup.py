"""Newsletter sign-ups and cookie banners, as concept families."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import CLAUSE_START, PhraseRule, rule
from cleaner.mark.rules.lexicon import ADDRESSED, NOT_REPORTED, OFFER, SITE_WE, any_of
from cleaner.mark.rules.signup_words import (
    CONSENT,
    COOKIE,
    COOKIE_CHOICE,
    DELIVERY,
    EMAIL_FIELD,
    NEWS,
    NEWSLETTER_WORD,
    ORDER,
    SIGN_UP,
    STAY_INFORMED,
    THIS_SITE,
)

SIGNUP_FAMILY: tuple[PhraseRule, ...] = (
    rule(
        "newsletter_family",
        Reason.NEWSLETTER,
        25,
        "a newsletter sign-up",
        any_of(NEWSLETTER_WORD),
        any_of(SIGN_UP),
        ADDRESSED + "|" + any_of(OFFER) + "|" + CLAUSE_START + any_of(SIGN_UP),
        NOT_REPORTED,
        note="a newsletter, signing up for it, and the reader, the site's we, an offer or the order "
        "opening the block ('Sie abonnierte den Newsletter der Partei' is a past tense and stays)",
    ),
    rule(
        "newsletter_order",
        Reason.NEWSLETTER,
        15,
        "a newsletter sign-up",
        any_of(NEWSLETTER_WORD),
        any_of(ORDER),
        NOT_REPORTED,
        note="a newsletter and an order to sign up, in a language whose order has its own form ('Newsletter "
        "{site} - zapisz się'); 'Sie abonnierte den Newsletter' gives no order and stays",
    ),
    rule(
        "newsletter_delivery",
        Reason.NEWSLETTER,
        20,
        "a newsletter pitch: the news by e-mail",
        any_of(DELIVERY),
        any_of(NEWS),
        ADDRESSED + "|" + any_of(ORDER, OFFER) + "|" + CLAUSE_START + any_of(SIGN_UP),
        NOT_REPORTED,
        note="the news delivered by e-mail to the reader, without naming a newsletter ('Otrzymuj "
        "najważniejsze wiadomości e-mailem'); 'The ministry sent the news by e-mail to schools' "
        "addresses no one and stays",
    ),
    rule(
        "email_field_family",
        Reason.NEWSLETTER,
        8,
        "the e-mail field of a sign-up form",
        r"^\W*" + any_of(EMAIL_FIELD) + r"\W*$|" + any_of(EMAIL_FIELD) + r".{0,40}" + any_of(SIGN_UP, ORDER),
        NOT_REPORTED,
        note="the e-mail field of a sign-up form, alone or with its button ('Twój adres e-mail', 'Ihre "
        "E-Mail-Adresse'); a how-to's 'enter your email and password' names no sign-up and stays",
    ),
    rule(
        "newsletter_name",
        Reason.NEWSLETTER,
        5,
        "a newsletter box heading",
        r"^\W*" + any_of(NEWSLETTER_WORD) + r"(?:\s{1,3}(?-i:[A-Z0-9][\w&.'-]{0,30})){1,4}\W*$",
        note="a newsletter box's heading, the word then the site's name ('Newsletter Kurier24'); a "
        "subhead goes on in lower case",
    ),
    rule(
        "newsletter_news",
        Reason.NEWSLETTER,
        12,
        "a newsletter pitch: the news by e-mail",
        any_of(ORDER),
        any_of(NEWS),
        NOT_REPORTED,
        note="an order to receive the news, in a language whose order has its own form ('Otrzymuj "
        "najważniejsze wiadomości', 'Recibe las noticias más importantes')",
    ),
    rule(
        "stay_informed",
        Reason.NEWSLETTER,
        8,
        "a newsletter box heading",
        any_of(STAY_INFORMED),
        NOT_REPORTED,
        note="the heading of a sign-up box ('Bądź na bieżąco', 'Blijf op de hoogte'); a sentence that "
        "urges officials to stay informed is longer and stays",
    ),
    rule(
        "cookie_family",
        Reason.PAGE_CHROME,
        40,
        "a cookie consent banner",
        any_of(COOKIE),
        any_of(CONSENT),
        any_of(SITE_WE, THIS_SITE),
        NOT_REPORTED,
        note="cookies, their use or consent, and the reader, the site's we or the site itself ('Websites "
        "use cookies to track users across the web' addresses no one and stays)",
    ),
    rule(
        "cookie_choice",
        Reason.PAGE_CHROME,
        6,
        "a cookie consent button or settings link",
        any_of(COOKIE),
        any_of(COOKIE_CHOICE),
        NOT_REPORTED,
        note="a banner's button: cookies and a choice ('Alle cookies toestaan', 'Only necessary cookies'); "
        "a recipe's 'Let the cookies cool' names no choice and stays",
    ),
)
