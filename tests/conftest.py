"""Suite-wide settings.

Hypothesis: no per-example deadline.  Speed is measured in benchmarks/, never asserted in tests;
on a loaded 2-core machine a 200 ms deadline fails property tests that are correct.  Everything
else comes from the profile Hypothesis chose (in CI its derandomised "ci" profile).
"""

from hypothesis import settings

settings.register_profile("crosscheck", parent=settings.default, deadline=None)
settings.load_profile("crosscheck")
