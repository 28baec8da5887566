"""The personas and the small world of tests/api (one review, drafts, a published assessment...)."""

from tests.api.conftest import (  # noqa: F401  (fixtures, used by name)
    World,
    administrator,
    contributor_a,
    contributor_b,
    editor,
    fast_passwords,
    no_sign_in_failures,
    organisation_a,
    organisation_b,
    viewer,
    world,
)
