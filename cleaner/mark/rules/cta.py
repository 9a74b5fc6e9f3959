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
        "a free trial offer",
        r"\b(?:click|tap) here\b|\b(?:start|enjoy|get|claim|begin|try|activate) (?:a |your |our |my )?(?:\w+[- ]){0,2}free\b",
        r"\bfree\b.{0,25}\btrial\b|\btrial (?:membership|subscription)\b",
        IMPERATIVE + r"|\b(?:click|tap) here\b",
        note="a trial offer given as an order ('customers who start a free trial' is news, and so is a "
        "how-to's 'if you start a free trial, you will be charged')",
    ),
    rule(
        "try_free",
        CTA,
        12,
        "a free trial button",
        CLAUSE_START + r"try (?:it |us |\w+ )?(?:\d+ (?:days?|weeks?|months?) )?(?:for )?free\b",
        note="a trial button: 'Try it free' opening a clause, not 'shoppers could try it free'",
    ),
    rule(
        "join_for_access",
        CTA,
        20,
        "a membership pitch",
        CLAUSE_START
        + r"join "
        + SITE
        + r"(?:for|to get|and get) (?:\w+ ){0,2}(?:insider|exclusive|full|unlimited|premium|members?-only|ad-free) "
        r"(?:access|content|analysis|coverage|stories)\b",
        note="a membership pitch: join <site> for access, as an order ('he urged veterans to join' stays)",
    ),
    rule(
        "unlock_access",
        CTA,
        25,
        "a subscription pitch: unlock full access",
        r"\b(?:unlock|get|gain|enjoy) (?:full|unlimited|exclusive|premium|ad-free|instant|digital) (?:digital )?access\b",
        IMPERATIVE + r"|\bour\b",
        note="a subscription pitch, as an order or in our voice ('researchers will gain full access' and a "
        "review's 'you get unlimited access' stay)",
    ),
    rule(
        "imperative_subscribe",
        CTA,
        25,
        "a request to subscribe or join",
        r"^\W*(?:subscribe|become an? (?:member|subscriber|supporter|patron|insider)|support (?:us|our (?:work|journalism|"
        r"newsroom|reporting))|donate now|upgrade to (?:premium|pro|plus))\b",
        note="a block that opens by asking the reader to pay or join",
    ),
    rule(
        "support_journalism",
        CTA,
        30,
        "a donation or subscription appeal",
        r"\bsupport(?:ing)? (?:our |independent |quality |local |trusted )(?:\w+ )?(?:journalism|reporting|newsroom|"
        r"writers|writing staff|journalists)\b",
        r"\b(?:subscrib\w*|donat\w*|contribut\w*|becom\w* a (?:member|supporter|patron)|please)\b|\byour (?:support|"
        r"contribution|subscription|donation)\b",
        TO_READER,
        note="a donation or subscription pitch addressed to the reader ('foundations support local "
        "journalism' is news)",
    ),
    rule(
        "if_you_value",
        CTA,
        60,
        "an appeal for money, membership or an ad-blocker exception",
        r"^\W*if you (?:enjoyed|liked|like|value|appreciate|rely on|found value in|want more)\b.{0,30}"
        r"\b(?:article|story|piece|post|journalism|reporting|work|content|site|coverage)\b",
        r"\b(?:join|subscrib\w*|support|member\w*|donat\w*|contribut\w*|ad ?-?blocker|whitelist|proposition|pledge)\b",
        note="an appeal that opens on the reader's liking for the site and asks for money, membership or "
        "an ad-blocker exception",
    ),
    rule(
        "ad_blocker_request",
        CTA,
        40,
        "a request to turn the ad blocker off",
        r"\b(?:disable|turn off|pause|switch off|deactivate) (?:your |the )?ad ?-?blockers?\b"
        r"|\b(?:whitelist|allowlist) (?:us|our (?:site|website))\b",
        TO_READER,
        note="a request to turn the reader's ad blocker off",
    ),
    rule(
        "de_subscribe",
        CTA,
        20,
        "a subscription button (German)",
        CLAUSE_START
        + r"jetzt (?:[\w€,]+ ){0,4}?(?:abonnieren|abonnent werden|testen|abo abschließen|registrieren|"
        r"upgraden)(?:\W*$|\s+(?:und|für|ab|mit)\b|\s*[!»›→])",
        note="German subscription button: 'Jetzt ... abonnieren/testen' ending the clause ('Jetzt testen "
        "Ärzte ein neues Verfahren' is a German sentence)",
    ),
    rule(
        "de_trial",
        CTA,
        25,
        "a free trial offer (German)",
        r"\b(?:\d+|ersten|einen|zwei|drei|vier|sechs) (?:tage|wochen|monate?) (?:gratis|kostenlos|für \d+(?:[.,]\d+)? ?"
        r"(?:€|euro\b))",
        r"\b(?:testen|lesen|abo\w*|abonn\w*|zugang|digital\w*|plus|jetzt|sichern)\b",
        note="German trial offer (an offer to read or test: '3 Monate kostenlos nutzen' for a ticket is news)",
    ),
    rule(
        "fr_subscribe",
        CTA,
        20,
        "a subscription pitch (French)",
        r"^\W*(?:abonnez-vous|je m'abonne|profitez de l'offre|essai gratuit|offre (?:d'essai|spéciale|découverte))\b",
        note="French subscription pitch",
    ),
    rule(
        "es_subscribe",
        CTA,
        20,
        "a subscription pitch (Spanish)",
        r"^\W*(?:suscríbete|suscribete|hazte (?:socio|suscriptor|premium)|prueba gratis|oferta especial)\b",
        note="Spanish subscription pitch",
    ),
    rule(
        "account_button",
        CTA,
        6,
        "an account button or menu entry",
        r"^\W*+(?>(?>(?:register|sign up|join) (?:for free|now|today|free)|(?:log|sign) ?(?:in|on|up|out)|register"
        r"|subscribe|create (?:an |a free )?account|my account|member (?:login|access)|subscriber (?:login|services)"
        r"|manage (?:your |my )?subscriptions?|remember me|forgot (?:your )?password)\W*+(?:\b(?:or|and|with \w++)\b\W*+)?)++$",
        note="a bare account button or menu entry ('Sign in', 'Log in / Register', 'Manage your subscription'): "
        "the whole block is the button, so no sentence can match. Each entry is taken whole, longest wording first "
        "('Register now' before 'Register'), and never given back: a word glued to itself forty times "
        "('loginlogin...') once took 2^40 tries",
    ),
    rule(
        "donation_ask",
        CTA,
        30,
        "a donation, tip or membership appeal",
        r"^\W*(?:donate|chip in|leave a tip|tip (?:us|the author)|buy (?:us|me) a (?:coffee|beer)|make a (?:one-time |monthly "
        r"|recurring |tax-deductible )?(?:gift|donation|contribution)|become a (?:member|patron|supporter|sustainer|friend)"
        r"|join (?:[\d,.]+|thousands of|the) (?:other )?(?:readers|members|supporters|patrons)|fund our)\b"
        r"|\b(?:reader|member|listener)[- ](?:support|funded|supported)\b.{0,60}\b(?:chip in|donate|give|contribut\w*|join|support us)\b"
        r"|\b(?:keep|keeping) (?:these|our) (?:stories|articles|reporting|journalism|newsroom)\b.{0,20}\b(?:coming|going|free|alive)\b"
        r"|\b(?:your|a) (?:tip|donation|gift|contribution|support) (?:keeps|helps|lets|allows|makes)\b",
        r"\b(?:us|our|we|me|my|site|newsroom|journalism|reporting|work|stories|coffee|today|now|monthly|month|readers|members)\b"
        r"|[$€£]|\d",
        note="an appeal for money or membership addressed to the reader, for the site ('The charity asked "
        "donors to give generously, the director said' opens with no order, and 'Donate old clothes to a "
        "shelter' in a how-to names no site) and stays",
    ),
    rule(
        "eu_donation_ask",
        CTA,
        30,
        "a donation or membership appeal (de, fr, es, it, pt, nl, pl, sv, tr)",
        r"^\W*(?:unterstützen sie|spenden sie|jetzt (?:spenden|unterstützen|fördern|mitglied werden)|werden sie (?:mitglied|förder\w*|unterstützer)"
        r"|soutenez|faites un don|devenez (?:membre|donateur|abonné)|aidez|apoya|haz una (?:donación|aportación)|hazte (?:socio|miembro|mecenas)"
        r"|colabora con|sostieni|fai una donazione|diventa (?:socio|sostenitore|abbonato)|aiuta|apoie|faça uma doação|torne-se (?:membro|apoiador)"
        r"|ajude|steun|doneer|word (?:lid|donateur|vriend)|help|wesprzyj|przekaż (?:darowiznę|wsparcie)|zostań (?:patronem|członkiem)|wspieraj"
        r"|stöd|stötta|skänk|bli (?:medlem|månadsgivare)|bağış yap|destek olun|üye olun)\b"
        r"|\b(?:ihr(?:e)? (?:beitrag|spende|unterstützung)|votre (?:contribution|soutien|don)|tu (?:aportación|apoyo|donación)"
        r"|il tuo (?:contributo|sostegno)|sua (?:contribuição|doação)|seu apoio|jouw (?:bijdrage|steun)|uw (?:bijdrage|steun)"
        r"|twoje wsparcie|twoja (?:darowizna|wpłata)|ditt (?:bidrag|stöd)|din gåva|katkınız|desteğiniz)\b"
        # Verb-final Turkish: "... destek olun", "... üyesi olun".
        r"|\b(?:destek olun|\w*üyesi olun|bağış yapın)\W*$",
        r"\b(?:journalismus|spende\w*|mitglied\w*|beitrag|monat|euro|€|journalisme|don|membre|contribution|mois|periodismo"
        r"|donación|socio|aportación|mes|giornalismo|donazione|socio|contributo|mese|jornalismo|doação|membro|contribuição"
        r"|mês|reais|journalistiek|donatie|lid|bijdrage|maand|dziennikarstwo|darowizn\w*|patron\w*|wsparcie|zł|miesię\w*"
        r"|journalistik|gåva|medlem|bidrag|kronor|månad\w*|gazetecili\w*|bağış\w*|üye\w*|katkı\w*|aylık|destek\w*"
        r"|berichten|informar|informare|pisać|granska|habercilik|continuer|seguir|continuare|continuar|blijven|dalej|fortsätta"
        r"|devam)\b",
        note="an appeal for money or membership in nine more languages, as an order or to the reader's own "
        "contribution; the support of a minister for a bill is news and names no money or membership",
    ),
)
