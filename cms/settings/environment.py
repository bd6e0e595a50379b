"""What every settings module shares: where the project lives, and reading the environment."""

import os
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origins(*urls):
    """The origins (`https://host:port`) of the absolute addresses among `urls`."""
    return [f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, urls) if parts.netloc]
