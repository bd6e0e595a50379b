"""Documents in object storage (cms/settings/object_storage.py): a private bucket, or the
`documents/` keys of the images' bucket, which its policy leaves private."""

from storages.backends.s3 import S3Storage

from documents.storage import NO_ADDRESS


class PrivateS3DocumentStorage(S3Storage):
    """Documents in a bucket, private: uploaded with no ACL (S3 objects are the owner's alone
    unless a policy says otherwise), whatever AWS_DEFAULT_ACL gives images, and with no address,
    not even a signed one. A signed address works for anyone who has it until it expires (from a
    browser's history, a log, a forwarded link), and the bucket would serve the file without the
    document view's `Content-Security-Policy: default-src 'none'`: the view streams it instead."""

    def __init__(self, **options):
        super().__init__(**options)
        self.default_acl = None
        self.object_parameters = {
            name: value
            for name, value in self.object_parameters.items()
            if name != "ACL" and not name.startswith("Grant")
        }

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError(NO_ADDRESS)
