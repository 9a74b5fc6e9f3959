"""Donation asks, app and notification promos, follow-us lines, as concept families."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import CLAUSE_START, PhraseRule, rule
from cleaner.mark.rules.donation_words import CAUSE, GIVE, GIVE_BUTTON, GIVE_LAST, HELPS
from cleaner.mark.rules.lexicon import ADDRESSED, NOT_REPORTED, OFFER, READER, SITE_WE, any_of
from cleaner.mark.rules.promo_words import APP, AVAILABLE, FOLLOW, GET_APP, NETWORK, PUSH, STORE

# The site's own app, named as a compound ("Nordpost-App"): capitalised, unlike a package name.
SITE_APP = r"\b(?-i:[A-Z]\w{0,20}-[Aa]pp)\b"

ASK_FAMILY: tuple[PhraseRule, ...] = (
    rule(
        "donation_family",
        Reason.SUBSCRIBE_CTA,
        30,
        "a donation or membership appeal",
        any_of(GIVE),
        any_of(CAUSE),
        ADDRESSED + "|" + any_of(OFFER, HELPS),
        NOT_REPORTED,
        note="giving, what the gift keeps going (journalism, the newsroom, a monthly sum) and the reader, "
        "the site's we, now or what the gift does ('Il sindaco ha chiesto una donazione alla fondazione' names no cause of ours and "
        "stays; 'foundations support independent journalism' addresses no one)",
    ),
    rule(
        "donation_imperative",
        Reason.SUBSCRIBE_CTA,
        12,
        "a donation or membership appeal",
        CLAUSE_START + any_of(GIVE),
        any_of(CAUSE),
        NOT_REPORTED,
        note="an order to give for a cause of the site ('Back independent journalism', 'Give monthly'); "
        "'Support for the bill grew' names no cause and stays",
    ),
    rule(
        "donation_short",
        Reason.SUBSCRIBE_CTA,
        10,
        "a donation or membership button",
        any_of(GIVE_BUTTON),
        ADDRESSED + "|" + any_of(OFFER, HELPS),
        NOT_REPORTED,
        note="a button-sized ask to give, to the reader, for us, now, or saying it helps "
        "('Unterstützen Sie uns', 'Jetzt Förderer werden', 'Jede Spende hilft', 'Bize destek olun'); "
        "'Spenden für Flutopfer' addresses no one and stays",
    ),
    rule(
        "donation_button",
        Reason.SUBSCRIBE_CTA,
        5,
        "a donation or membership button",
        r"^\W*+(?:[\w'-]{1,30}\W{1,3}){0,3}" + any_of(GIVE_LAST) + r"\W*$",
        NOT_REPORTED,
        note="a button whose last words are the giving, as verb-final languages put it ('Journalismus "
        "unterstützen', 'Mitglied werden', 'Destek ol'); a sentence is longer than five words",
    ),
    rule(
        "donation_to_site",
        Reason.SUBSCRIBE_CTA,
        5,
        "a donation or membership button",
        r"^\W*(?:(?:support|donate to|give to)(?:\s{1,3}(?-i:[A-Z][\w'&.-]{0,30})){1,4}|chip in|give (?:monthly|once|now))\W*$",
        NOT_REPORTED,
        note="an English button naming the site after the giving ('Support The Valley Courier', 'Chip in'); "
        "'Support for the bill grew' goes on in lower case and stays",
    ),
    rule(
        "app_family",
        Reason.PROMO,
        20,
        "a promotion for the app of the site",
        any_of(APP),
        any_of(GET_APP),
        any_of(READER, SITE_WE, OFFER),
        NOT_REPORTED,
        note="an app, getting it, and the reader, the site's we or an offer ('La app de la DGT permite "
        "consultar multas' gets nothing; 'The app was downloaded a million times, the company said' "
        "is reported)",
    ),
    rule(
        "app_short",
        Reason.PROMO,
        8,
        "a promotion for the app of the site",
        any_of(APP),
        any_of(GET_APP),
        NOT_REPORTED,
        note="an app and getting it, in a line as short as a button ('Lade dir die App herunter', 'Die App "
        "für iOS und Android')",
    ),
    rule(
        "push_prompt",
        Reason.PROMO,
        12,
        "a prompt to turn on notifications",
        any_of(PUSH),
        NOT_REPORTED,
        note="an offer of push notifications or alerts ('Włącz powiadomienia', 'Turn on notifications'); a "
        "report that the ministry will send alerts names no order to the reader and stays",
    ),
    rule(
        "app_store_family",
        Reason.PROMO,
        10,
        "an app store badge or its caption",
        any_of(APP),
        any_of(STORE),
        any_of(READER, SITE_WE, OFFER, AVAILABLE) + "|" + SITE_APP,
        NOT_REPORTED,
        note="an app and its store in one short line, offered (available, now, ours, the site's own "
        "'-App'): 'Die Nordpost-App im App Store'; a how-to's 'Only install apps from trusted sources "
        "(App Store, Google Play)' offers nothing and stays",
    ),
    rule(
        "store_line",
        Reason.PROMO,
        10,
        "a promotion for the app of the site",
        any_of(STORE),
        ADDRESSED + "|" + any_of(OFFER, AVAILABLE) + r"|^\W*" + any_of(GET_APP) + r"|" + SITE_APP,
        NOT_REPORTED,
        note="a store named in a short line that offers it to the reader ('Nordpost jetzt im App Store', "
        "'Lees ons op Google Play'); a how-to's 'How to Publish an App to the App Store' offers nothing "
        "and stays",
    ),
    rule(
        "follow_family",
        Reason.SOCIAL_EMBED,
        22,
        "a follow-us line",
        any_of(FOLLOW),
        any_of(NETWORK),
        any_of(SITE_WE),
        NOT_REPORTED,
        note="following, a network or social media, and the site's we ('Síguenos en redes sociales', 'Volg "
        "ons op sociale media'); 'Follow the senator's account on Twitter and you will see why' and a "
        "listicle's 'Follow Reese's Book Club on social media' name someone else and stay",
    ),
)
