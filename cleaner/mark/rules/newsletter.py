"""Newsletter sign-up boxes, their labels, e-mail fields and small print."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import CLAUSE_START, TO_READER, PhraseRule, rule

NEWSLETTER = Reason.NEWSLETTER

NEWSLETTER_RULES: tuple[PhraseRule, ...] = (
    rule(
        "newsletter_signup",
        NEWSLETTER,
        35,
        "a newsletter sign-up box",
        r"\b(?:sign(?:ing)? up|subscribe|subscribing|register|join|get|receive)\b.{0,40}\b(?:our|my|the) "
        r"(?:[\w-]+ ){0,3}(?:newsletters?|e-?mail (?:updates|alerts|briefing)|mailing list|digest)\b"
        r"|"
        + CLAUSE_START
        + r"(?:sign(?:ing)? up|subscribe|register|join|get|receive)\b.{0,50}\b(?:newsletters?|"
        r"mailing list)\b",
        TO_READER,
        note="a newsletter sign-up box (base verb forms only and addressed to the reader: 'readers have "
        "subscribed to our newsletter' is news)",
    ),
    rule(
        "inbox_delivery",
        NEWSLETTER,
        35,
        "a newsletter pitch: delivered to your inbox",
        r"\b(?:delivered|straight|directly|sent|right|land) (?:\w+ ){0,2}(?:to|in|into) your inbox\b",
        r"\bour\b|\bsign(?:ing)? up\b|\bsubscribe\b|" + CLAUSE_START + r"(?:get|receive|have|enter)\b",
        note="a newsletter pitch ('delivered to your inbox' plus a sign-up, not an analyst on newsletters)",
    ),
    rule(
        "email_field",
        NEWSLETTER,
        20,
        "the e-mail field of a sign-up form",
        r"^\W*(?:(?:enter|type|provide|submit|add) )?your e-?mail(?: address)?(?: here| below)?\W*$"
        r"|^\W*e-?mail(?: address)?\W*$"
        r"|^\W*(?:votre |ihre |tu |su )?(?:adresse e-?mail|e-?mail-adresse|correo(?: electrónico)?|dirección de correo"
        r"(?: electrónico)?)\W*$"
        r"|\b(?:enter|type|provide|submit) your e-?mail(?: address)?\b.{0,60}\b(?:subscrib\w*|sign(?:ing)? up|"
        r"newsletters?|updates|alerts|briefing|digest|roundup)\b",
        note="the e-mail field of a sign-up form (a how-to's 'enter your email and password' stays)",
    ),
    rule(
        "signup_fine_print",
        NEWSLETTER,
        45,
        "the small print under a sign-up form",
        r"\bby (?:signing up|subscribing|registering|clicking|entering|providing|submitting)\b.{0,80}"
        r"\b(?:you|i) (?:\w+ )?(?:agree|accept|consent|acknowledge|confirm)"
        r"|\byou (?:can|may) (?:\w+ ){0,2}unsubscribe (?:\w+ ){0,3}?(?:at any time|anytime)\b"
        r"|^\W*unsubscribe (?:at any time|anytime)\b",
        note="the small print under a sign-up form, spoken to the reader ('users can unsubscribe' is news)",
    ),
    rule(
        "newsletter_label",
        NEWSLETTER,
        6,
        "a newsletter box heading or menu entry",
        r"^\W*(?:(?:get|sign up for|subscribe to|see all|more|our|the|free|daily|weekly) )*(?:(?-i:[A-Z0-9][\w&.'-]*) "
        r"(?:(?:of|the|and|&) )*){0,4}(?:e-?mail )?newsletters?(?: sign-?up| (?:&|and) (?:text |e-?mail )?alerts)?\W*$"
        r"|^\W*newsletter sign-?up\W*$|^\W*stay (?:informed|in the loop|up to date)\W*$",
        note="a newsletter box heading or menu entry: 'Newsletters', '<Site> Newsletter', 'Our Daily Newsletter' "
        "(the words before it are a capitalised name, so a subhead like 'Why I started a newsletter' stays)",
    ),
    rule(
        "signup_status",
        NEWSLETTER,
        15,
        "the status message of a sign-up form",
        r"^\W*(?:thanks?(?: you)? for (?:signing up|subscribing|registering)|you(?:'re| are| have been)(?: now)? "
        r"(?:successfully )?(?:subscribed|signed up|registered)|there was (?:an error|a problem) (?:processing your "
        r"subscription|subscribing you)\b.*|(?:unsubscribe|subscription|sign-?up) (?:failed|successful|confirmed)|"
        r"join (?:[\d,]+ )?other subscribers)\W*$",
        note="the status line of a sign-up form, which scrapers capture though it is hidden until used; the "
        "whole block is the message",
    ),
    rule(
        "de_newsletter",
        NEWSLETTER,
        25,
        "a newsletter sign-up (German)",
        r"^\W*(?:(?:jetzt|hier|gratis|kostenlos|kostenlosen|unseren|den) )*newsletter (?:abonnieren|bestellen|anmelden)\b"
        r"|\bnewsletter (?:abonnieren|bestellen|anmelden)\W*$"
        r"|\b(?:melden sie sich|abonnieren sie|bestellen sie|registrieren sie sich)\b.{0,40}\bnewsletter",
        note="German newsletter sign-up: a button or a formal imperative ('wer den Newsletter abonnieren "
        "will' is prose)",
    ),
    rule(
        "fr_newsletter",
        NEWSLETTER,
        25,
        "a newsletter sign-up (French)",
        r"\b(?:inscrivez-vous|abonnez-vous|recevez)\b.{0,30}\b(?:newsletter|lettre d'information)\b",
        note="French newsletter sign-up",
    ),
    rule(
        "es_newsletter",
        NEWSLETTER,
        25,
        "a newsletter sign-up (Spanish)",
        r"\b(?:suscríbete|suscribete|apúntate|apuntate)\b.{0,30}\b(?:newsletter|boletín|boletin)\b"
        r"|(?:^|[.!?:;|•—–¡])\W{0,8}recibe\b.{0,40}\b(?:newsletter|boletín|boletin)\b",
        note="Spanish newsletter sign-up ('recibe' is also 3rd person, so only at a clause start)",
    ),
    rule(
        "eu_newsletter",
        NEWSLETTER,
        25,
        "a newsletter sign-up (it, pt, nl, pl, sv, tr)",
        r"\b(?:iscriviti|ricevi|assine|assina|receba|inscreva-se|schrijf je in|abonneer je|ontvang|zapisz się|otrzymuj"
        r"|zamów|prenumerera|anmäl dig|få)\b.{0,40}\b(?:newsletter\w*|nieuwsbrief|nyhetsbrev\w*)\b"
        r"|\b(?:bülten\w*|e-bülten\w*)\b.{0,30}\b(?:abone olun|alın|kaydolun)\b",
        note="newsletter sign-up as an order in six more languages ('the newsletter reaches 80,000 readers' "
        "gives no order and stays)",
    ),
    rule(
        "inbox_every_day",
        NEWSLETTER,
        22,
        "a newsletter pitch: the news delivered to your inbox",
        r"\b(?:in|to|into) your (?:inbox|mailbox|e-?mail)\b|\bin ihr(?:em)? (?:postfach|e-mail-postfach|posteingang)\b"
        r"|\bdans votre boîte (?:mail|e-mail|de réception|aux lettres)\b|\ben tu (?:correo|bandeja de entrada|email)\b"
        r"|\bnella tua (?:casella|email|posta)\b|\bno seu e-?mail\b|\bna sua caixa de entrada\b|\bin je (?:mailbox|inbox)\b"
        r"|\bna (?:twoją|twojej) skrzynk\w*\b|\bi din (?:inkorg|mejl|e-post)\b|\be-posta kutunuz\w*\b"
        r"|\b(?:your|ihre|votre|tu|la tua|seu|je|twój|din) (?:e-?mail|e-?mail-adresse|adresse e-mail|correo|indirizzo email"
        r"|endereço de e-mail|e-mailadres|adres e-mail|e-postadress)\b.{0,40}\b(?:to receive|für|pour recevoir|para recibir"
        r"|per ricevere|para receber|voor|aby otrzymywać|för att få)\b"
        r"|\b(?:e-posta adresinizi girin)\b",
        r"\b(?:every|each|daily|weekly|morning|newsletter|digest|briefing|update|summary|roundup|jeden|täglich|morgen"
        r"|briefing|chaque|quotidienn\w*|cada|diari\w*|ogni|mattina|riepilogo|todas|diário|resumo|elke|dagelijks\w*"
        r"|ochtend|każdego|codzienn\w*|varje|morgon\w*|her sabah|günlük|özet|news|nachrichten|actualité|noticias|notizie"
        r"|notícias|nieuws|wiadomości|nyheter|haberler\w*|lettre|resumen|przegląd)\b",
        note="the news promised to the reader's inbox ('readers who get our morning newsletter were more "
        "likely to renew' names no inbox and stays)",
    ),
)
