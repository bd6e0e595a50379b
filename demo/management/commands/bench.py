"""Measure what visitors wait for: render time, SQL queries and page weight of the main pages."""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from demo.pages import first_live_page

PAGE_TYPES = [
    "home.homepage",
    "home.campaignpage",
    "resources.resourceindexpage",
    "resources.resourcepage",
    "stories.survivorstorypage",
]


class Command(BaseCommand):
    help = "Render the main page types in every language and print time, queries and size."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Requests per page (≥ 1).")

    def handle(self, *args, repeat, **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else None)
        self.stdout.write(
            f"{'page':<42}{'lang':<6}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'KiB':>7}"
        )
        for language, _name in settings.LANGUAGES:
            for page_type in PAGE_TYPES:
                page = first_live_page(page_type, language)
                if page is None:
                    raise CommandError(f"No live {page_type} in {language}: run seed_demo first.")
                self.measure(client, page, language, repeat)

    def measure(self, client, page, language, repeat):
        url = page.url
        client.get(url)  # warm caches and renditions
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        timings.sort()
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        self.stdout.write(
            f"{page.specific_class.__name__:<42}{language:<6}"
            f"{statistics.median(timings):>10.1f}{p95:>9.1f}{len(queries):>9}"
            f"{len(response.content) / 1024:>7.1f}"
        )
