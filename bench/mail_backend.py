"""The benchmark's mail backend: Django's locmem backend, so every message is built in full
(both parts, every header), with the outbox emptied after each send.

A worker keeping 100,000 messages (about 4 KB each) would spend its time in the garbage
collector walking them, which no real backend does: SMTP keeps nothing once a message is sent.
"""

from django.core import mail
from django.core.mail.backends import locmem


class EmailBackend(locmem.EmailBackend):
    def send_messages(self, messages):
        sent = super().send_messages(messages)
        mail.outbox.clear()
        return sent
