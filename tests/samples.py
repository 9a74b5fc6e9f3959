"""Small pages shared by the CLI and service tests: an article with a paywall prompt, as text and HTML."""

ARTICLE = (
    "The city council approved the new cycling plan on Monday evening by a large majority.\n"
    "You've reached your daily free article limit.\n"
    "Work on the first twenty kilometres of protected lanes will start in the spring, officials said."
)
CLEAN = "\n".join(ARTICLE.split("\n")[::2])
HTML = (
    "<html><head><title>Cycling plan approved</title></head><body><nav>Home | News</nav><article>"
    "<h1>Cycling plan approved</h1>"
    "<p>The city council approved the new cycling plan on Monday evening by a large majority, ending "
    "a debate that had divided the council for more than a year.</p>"
    "<p>Work on the first twenty kilometres of protected lanes will start in the spring, officials "
    "said, and the whole network should be finished within five years.</p>"
    "<p>Subscribe to continue reading.</p></article></body></html>"
)
