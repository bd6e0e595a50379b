"""An editor's process for the cross-process cache tests (`python -m tests.caching.editor`):
builds the site content of tests/content.py in the site's database, then makes each change
named on its standard input (the changes of test_response_cache.py), answering one line per
change that starts with ANSWER, so that the test knows when the change is committed."""

import sys
import traceback

ANSWER = "@editor:"


def main():
    import django

    django.setup()
    from tests.caching.test_response_cache import CHANGES
    from tests.content import build_site_content

    changes = {change.__name__: change for change in CHANGES}
    build_site_content()
    print(ANSWER, "ready", flush=True)
    for line in sys.stdin:
        try:
            changes[line.strip()]()
        except Exception:  # noqa: BLE001 – reported to the test, which fails with it
            print(ANSWER, "failed", traceback.format_exc().replace("\n", " | "), flush=True)
        else:
            print(ANSWER, "done", flush=True)


if __name__ == "__main__":
    main()
