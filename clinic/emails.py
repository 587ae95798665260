"""How every app builds an email: a plain-text and an HTML part from two templates, links that
point where people reach the app, and the one-click unsubscribe headers.

Building a message is separate from sending it, so a send loop can reuse one connection.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import get_template


def absolute(path: str) -> str:
    """A link for an email: the app's public address and the path."""
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{path}"


def unsubscribe_headers(link: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 one-click headers: mail clients POST to the link themselves."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def email_message(
    *,
    subject: str,
    template: str,
    context: dict,
    to: list[str],
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """A message from `<template>.txt` (not HTML-escaped) and `<template>.html`."""
    text, html = email_bodies(template, context)
    return email_assembled(subject=subject, text=text, html=html, to=to, headers=headers)


def email_bodies(template: str, context: dict) -> tuple[str, str]:
    """The plain-text and HTML bodies of `<template>.txt` and `<template>.html`."""
    return (
        get_template(f"{template}.txt").render(context),
        get_template(f"{template}.html").render(context),
    )


def email_assembled(
    *,
    subject: str,
    text: str,
    html: str,
    to: list[str],
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """A message of bodies already rendered, from the app's sender."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message
