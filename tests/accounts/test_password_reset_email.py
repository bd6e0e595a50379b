"""Password resets are delivered by the mail server the environment names (EMAIL_URL, or
EMAIL_HOST and its companions), and a failed send is logged as an error, never hidden: the
person still sees the usual page."""

import json
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import Client, override_settings

from cms.settings.email import email_settings

VISITOR = "203.0.113.10"
RESET = "/admin/password_reset/"

pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def mail_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, mailbox
    controller.stop()


def ask_for_a_reset():
    return Client(REMOTE_ADDR=VISITOR).post(RESET, {"email": "amina@example.org"})


def test_a_password_reset_reaches_the_mail_server_named_by_email_url(editor, mail_server):
    port, mailbox = mail_server
    configured = email_settings(
        {"EMAIL_URL": f"smtp://127.0.0.1:{port}", "DEFAULT_FROM_EMAIL": "cms@example.org"}
    )

    with override_settings(**configured):
        response = ask_for_a_reset()

    assert response.status_code == 302 and response["Location"].endswith("/done/")
    [message] = mailbox.messages
    assert message.rcpt_tos == ["amina@example.org"]
    assert message.mail_from == "cms@example.org"
    assert "/admin/password_reset/confirm/" in message.content.decode()


def test_a_failed_send_is_logged_as_an_error_and_the_person_sees_the_usual_page(editor, caplog):
    configured = email_settings({"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(free_port())})

    with override_settings(**configured):
        response = ask_for_a_reset()

    assert response.status_code == 302 and response["Location"].endswith("/done/")
    errors = [record for record in caplog.records if record.levelname == "ERROR"]
    assert any("Failed to send password reset email" in record.getMessage() for record in errors)
    assert VISITOR not in caplog.text


PRINT_EMAIL_SETTINGS = (
    "import json; from django.conf import settings as s; print(json.dumps([s.EMAIL_BACKEND, "
    "s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, "
    "s.EMAIL_USE_SSL, s.EMAIL_TIMEOUT, s.DEFAULT_FROM_EMAIL, s.SERVER_EMAIL]))"
)
PRODUCTION = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "cms.example.org"}
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        (
            {"EMAIL_URL": "smtp+tls://cms%40example.org:p%40ss@mail.example.org"},
            [SMTP, "mail.example.org", 587, "cms@example.org", "p@ss", True, False],
        ),
        (
            {"EMAIL_URL": "smtps://mail.example.org"},
            [SMTP, "mail.example.org", 465, "", "", False, True],
        ),
        (
            {
                "EMAIL_HOST": "mail.example.org",
                "EMAIL_PORT": "2525",
                "EMAIL_HOST_USER": "cms",
                "EMAIL_HOST_PASSWORD": "secret",
                "EMAIL_USE_TLS": "true",
            },
            [SMTP, "mail.example.org", 2525, "cms", "secret", True, False],
        ),
    ],
)
def test_production_reads_the_mail_server_from_the_environment(environment, expected, run_python):
    senders = {"DEFAULT_FROM_EMAIL": "cms@example.org", "SERVER_EMAIL": "errors@example.org"}

    result = run_python(
        PRINT_EMAIL_SETTINGS, "cms.settings.production", **PRODUCTION, **environment, **senders
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [*expected, 10, "cms@example.org", "errors@example.org"]


def test_an_unreadable_email_url_stops_the_start_with_a_clear_message(run_python):
    result = run_python("pass", "cms.settings.production", **PRODUCTION, EMAIL_URL="mail.example")

    assert result.returncode != 0
    assert "EMAIL_URL must look like smtp://user:password@host:port" in result.stderr
