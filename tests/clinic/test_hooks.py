"""clinic.hooks: handlers run in the order registered, each once, with the hook's arguments."""

from clinic.hooks import Hook


def test_handlers_run_in_order_once_each_with_the_arguments():
    hook, calls = Hook(), []

    def first(**kwargs):
        calls.append(("first", kwargs))

    def second(**kwargs):
        calls.append(("second", kwargs))

    hook.register(first)
    hook.register(second)
    hook.register(first)  # an AppConfig.ready run twice must not double the work
    hook(patient=7)
    assert calls == [("first", {"patient": 7}), ("second", {"patient": 7})]
