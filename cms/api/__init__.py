"""Both content APIs: Wagtail's stable v2 (cms/api/v2.py) and Wagtail 8's API v3 (cms/api/v3.py),
showing the `api_fields` that cms/api/content.py gives the models, through the serializers of
cms/api/fields.py. The content apps know nothing of this package."""
