"""Subscription, membership, trial and donation calls-to-action, and account buttons."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import CLAUSE_START, IMPERATIVE, SITE, TO_READER, PhraseRule, rule

CTA = Reason.SUBSCRIBE_CTA

CALL_TO_ACTION_RULES: tuple[PhraseRule, ...] = (
    rule(
        "free_trial_offer",
        CTA,
        45,
        "a trial offer given as an order ('customers who start a free trial' is news, and so is a "
        "how-to's 'if you start a free trial, you will be charged')",
        r"\b(?:click|tap) here\b|\b(?:start|enjoy|get|claim|begin|try|activate) (?:a |your |our |my )?(?:\w+[- ]){0,2}free\b",
        r"\bfree\b.{0,25}\btrial\b|\btrial (?:membership|subscription)\b",
        IMPERATIVE + r"|\b(?:click|tap) here\b",
    ),
    rule(
        "try_free",
        CTA,
        12,
        "a trial button: 'Try it free' opening a clause, not 'shoppers could try it free'",
        CLAUSE_START + r"try (?:it |us |\w+ )?(?:\d+ (?:days?|weeks?|months?) )?(?:for )?free\b",
    ),
    rule(
        "join_for_access",
        CTA,
        20,
        "a membership pitch: join <site> for access, as an order ('he urged veterans to join' stays)",
        CLAUSE_START
        + r"join "
        + SITE
        + r"(?:for|to get|and get) (?:\w+ ){0,2}(?:insider|exclusive|full|unlimited|premium|members?-only|ad-free) "
        r"(?:access|content|analysis|coverage|stories)\b",
    ),
    rule(
        "unlock_access",
        CTA,
        25,
        "a subscription pitch, as an order or in our voice ('researchers will gain full access' and a "
        "review's 'you get unlimited access' stay)",
        r"\b(?:unlock|get|gain|enjoy) (?:full|unlimited|exclusive|premium|ad-free|instant|digital) (?:digital )?access\b",
        IMPERATIVE + r"|\bour\b",
    ),
    rule(
        "imperative_subscribe",
        CTA,
        25,
        "a block that opens by asking the reader to pay or join",
        r"^\W*(?:subscribe|become an? (?:member|subscriber|supporter|patron|insider)|support (?:us|our (?:work|journalism|"
        r"newsroom|reporting))|donate now|upgrade to (?:premium|pro|plus))\b",
    ),
    rule(
        "support_journalism",
        CTA,
        30,
        "a donation or subscription pitch addressed to the reader ('foundations support local "
        "journalism' is news)",
        r"\bsupport(?:ing)? (?:our |independent |quality |local |trusted )(?:\w+ )?(?:journalism|reporting|newsroom|"
        r"writers|writing staff|journalists)\b",
        r"\b(?:subscrib\w*|donat\w*|contribut\w*|becom\w* a (?:member|supporter|patron)|please)\b|\byour (?:support|"
        r"contribution|subscription|donation)\b",
        TO_READER,
    ),
    rule(
        "if_you_value",
        CTA,
        60,
        "an appeal that opens on the reader's liking for the site and asks for money, membership or "
        "an ad-blocker exception",
        r"^\W*if you (?:enjoyed|liked|like|value|appreciate|rely on|found value in|want more)\b.{0,30}"
        r"\b(?:article|story|piece|post|journalism|reporting|work|content|site|coverage)\b",
        r"\b(?:join|subscrib\w*|support|member\w*|donat\w*|contribut\w*|ad ?-?blocker|whitelist|proposition|pledge)\b",
    ),
    rule(
        "ad_blocker_request",
        CTA,
        40,
        "a request to turn the reader's ad blocker off",
        r"\b(?:disable|turn off|pause|switch off|deactivate) (?:your |the )?ad ?-?blockers?\b"
        r"|\b(?:whitelist|allowlist) (?:us|our (?:site|website))\b",
        TO_READER,
    ),
    rule(
        "de_subscribe",
        CTA,
        20,
        "German subscription button: 'Jetzt ... abonnieren/testen' ending the clause ('Jetzt testen "
        "Ärzte ein neues Verfahren' is a German sentence)",
        CLAUSE_START
        + r"jetzt (?:[\w€,]+ ){0,4}?(?:abonnieren|abonnent werden|testen|abo abschließen|registrieren|"
        r"upgraden)(?:\W*$|\s+(?:und|für|ab|mit)\b|\s*[!»›→])",
    ),
    rule(
        "de_trial",
        CTA,
        25,
        "German trial offer (an offer to read or test: '3 Monate kostenlos nutzen' for a ticket is news)",
        r"\b(?:\d+|ersten|einen|zwei|drei|vier|sechs) (?:tage|wochen|monate?) (?:gratis|kostenlos|für \d+(?:[.,]\d+)? ?"
        r"(?:€|euro\b))",
        r"\b(?:testen|lesen|abo\w*|abonn\w*|zugang|digital\w*|plus|jetzt|sichern)\b",
    ),
    rule(
        "fr_subscribe",
        CTA,
        20,
        "French subscription pitch",
        r"^\W*(?:abonnez-vous|je m'abonne|profitez de l'offre|essai gratuit|offre (?:d'essai|spéciale|découverte))\b",
    ),
    rule(
        "es_subscribe",
        CTA,
        20,
        "Spanish subscription pitch",
        r"^\W*(?:suscríbete|suscribete|hazte (?:socio|suscriptor|premium)|prueba gratis|oferta especial)\b",
    ),
    rule(
        "account_button",
        CTA,
        6,
        "a bare account button or menu entry ('Sign in', 'Log in / Register', 'Manage your subscription'): "
        "the whole block is the button, so no sentence can match",
        r"^\W*(?:(?:(?:log|sign) ?(?:in|on|up|out)|login|logout|register|subscribe|create (?:an |a free )?account|"
        r"my account|member (?:login|access)|subscriber (?:login|services)|manage (?:your |my )?subscriptions?|"
        r"remember me|forgot (?:your )?password|(?:register|sign up|join) (?:for free|now|today|free))\W*"
        r"(?:\b(?:or|and|with \w+)\b\W*)?)+$",
    ),
)
