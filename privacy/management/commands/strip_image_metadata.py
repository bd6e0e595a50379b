"""Remove metadata (GPS, camera, XMP, IPTC, comments, colour profiles) from images uploaded before
uploads were cleaned automatically (privacy/images.py). Safe to run again: clean images are left
untouched."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from privacy.images import ImageMetadataError, clean_stored_image


class Command(BaseCommand):
    help = (
        "Remove metadata (EXIF with GPS, XMP, IPTC, comments, colour profiles) from stored images "
        "and delete their renditions. Images without metadata are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only report which images carry metadata; change nothing.",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        changed, failed, checked = [], [], 0
        for image in get_image_model().objects.order_by("pk").iterator():
            checked += 1
            try:
                if clean_stored_image(image, dry_run=dry_run):
                    changed.append(image)
            except (ImageMetadataError, SourceImageIOError, OSError) as error:
                failed.append(image)
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {error}")

        if verbosity > 1:
            for image in changed:
                self.stdout.write(f"  {image.pk}: {image.title} ({image.file.name})")
        verb = "have metadata" if dry_run else "cleaned"
        self.stdout.write(
            f"Checked {checked} images: {len(changed)} {verb}, "
            f"{checked - len(changed) - len(failed)} already clean, {len(failed)} failed."
        )
        if failed:
            raise CommandError(
                f"{len(failed)} images could not be cleaned: "
                + ", ".join(str(image.pk) for image in failed)
            )
