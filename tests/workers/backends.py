"""Mail backends for tests that run a real Celery worker in another process."""

import os
import time

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    """The file backend, taking EMAIL_SLOW_SECONDS per message before writing it, so a test can
    kill a worker in the middle of a batch."""

    def send_messages(self, email_messages):
        delay = float(os.environ.get("EMAIL_SLOW_SECONDS", "0"))
        sent = 0
        for message in email_messages:
            time.sleep(delay)
            sent += super().send_messages([message])
        return sent
