"""What loading the fake's pytest plugin costs a test suite that does not use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import hcloud_models.testing.pytest_plugin as plugin
loaded = sorted(name for name in ("httpx", "pydantic", "hcloud_models._client",
                "hcloud_models.testing._fake") if name in sys.modules)
fixture = plugin.hcloud_fake.__wrapped__()
print(json.dumps({"loaded": loaded, "fixture": type(fixture).__name__,
                  "after": "hcloud_models.testing._fake" in sys.modules}))
"""


def test_loading_the_plugin_imports_neither_the_fake_nor_the_sdk() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    ).stdout
    found = json.loads(out)
    assert found == {"loaded": [], "fixture": "FakeCloud", "after": True}


def test_the_package_still_exports_every_name() -> None:
    import hcloud_models.testing as testing
    from hcloud_models.testing import _clock, _core, _fake, _server

    homes = {**vars(_clock), **vars(_core), **vars(_fake), **vars(_server)}
    for name in testing.__all__:
        assert getattr(testing, name) is homes[name]
    assert set(testing.__all__) <= set(dir(testing))
