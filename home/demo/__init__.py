"""Demo content: the two districts of the seeds, built through the same APIs editors use.

Apps add their own demo content with a `demo.py` module that registers steps:

    @demo_step(order=20)
    def build_contacts(builder, district, site, home): ...

Each step runs once per district after its pages and site exist, and must leave existing
objects alone so that `load_demo` stays idempotent.
"""

from dataclasses import dataclass

_STEPS = []


@dataclass(frozen=True)
class DemoStep:
    order: int
    function: object


def demo_step(order=50):
    def register(function):
        if not any(step.function is function for step in _STEPS):
            _STEPS.append(DemoStep(order, function))
        return function

    return register


def demo_steps():
    """Every app's registered steps, in order (imports each installed app's demo module)."""
    from importlib import import_module

    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("demo")
    # The home app's own steps: the staff first, after every app's content the history of
    # translations and the approval queue.
    for name in ("people", "history", "approval"):
        import_module(f"home.demo.{name}")
    return [step.function for step in sorted(_STEPS, key=lambda step: step.order)]
