"""Preloaded by a test's fork server: children lose the parent-death signal and must rely on the
lifeline pipe alone (as on systems without prctl)."""

import cleaner.isolate.lifeline

cleaner.isolate.lifeline.set_parent_death_signal = lambda signum: False  # type: ignore[assignment]
