"""Hooks: what apps above must do inside a lower app's transaction, without the lower app
importing them (dependencies run programs -> patients -> clinic). The app above registers a
handler from its AppConfig.ready; the service calls the hook with keyword arguments."""

from collections.abc import Callable
from typing import Any

Handler = Callable[..., None]


class Hook:
    """Handlers called in order, each once however often it is registered."""

    def __init__(self) -> None:
        self._handlers: list[Handler] = []

    def register(self, handler: Handler) -> None:
        if handler not in self._handlers:
            self._handlers.append(handler)

    def __call__(self, **kwargs: Any) -> None:
        for handler in self._handlers:
            handler(**kwargs)
