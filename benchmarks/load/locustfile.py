"""Locust users of the NRP load test (started by ``benchmarks/load/run.py``; no Django in this process).

Environment:
- ``LOAD_PLAN``: the JSON plan of ``prepare.py`` (sessions, tokens, each role's pages);
- ``LOAD_PHASE``: ``mix`` (each user opens its role's pages in turn) or ``trivial`` (the two trivial views);
- ``LOAD_WRITES``: ``1`` makes guides and applicants also post a message through the API (one write in four
  tasks), each with a unique marker, so the run can check afterwards that every write answered 2xx is stored;
- ``LOAD_OUT``: where every request (start time, name, milliseconds, ok, status) and every accepted write go as
  JSON; ``LOAD_STARTED``: a file created when the users start.

Users are spread over the five roles in turn (officer, guide, OSPOD, assessor, applicant), each logged in as
a demo account of that role. Screens use the session cookie; API calls the user's bearer token.
"""

from __future__ import annotations

import itertools
import json
import os
import threading
import time
import uuid

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"], encoding="utf-8").read())  # noqa: SIM115
PHASE = os.environ.get("LOAD_PHASE", "mix")
WRITES = os.environ.get("LOAD_WRITES") == "1"
RUN_ID = os.environ.get("LOAD_RUN_ID") or uuid.uuid4().hex[:8]

ROLES = ("officer", "guide", "ospod", "assessor", "applicant")
# officer 1, guide 1, ospod 1, assessor 1, applicant 1, officer 2, …: roles interleaved; an account serves two
# locust users only when the database has fewer demo accounts of a role than users need (the small demo).
_BY_ROLE = [[u for u in PLAN["users"] if u["role"] == role] for role in ROLES]
_USERS = [u for group in itertools.zip_longest(*_BY_ROLE) for u in group if u is not None]
_next_user = itertools.cycle(_USERS)
_lock = threading.Lock()
SAMPLES: list[tuple[float, str, float, bool, int]] = []
WRITTEN: list[str] = []  # markers of the messages answered 2xx
ATTEMPTED: list[str] = []


@events.request.add_listener
def _record(request_type, name, response_time, response_length, response=None, exception=None, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    started = time.time() - response_time / 1000  # when the request was sent
    SAMPLES.append((started, name, response_time, exception is None and 200 <= status < 400, status))


@events.test_start.add_listener
def _started(environment, **kwargs):
    flag = os.environ.get("LOAD_STARTED")
    if flag:
        open(flag, "w").close()  # noqa: SIM115 - tells run.py the users are starting


@events.quitting.add_listener
def _dump(environment, **kwargs):
    out = os.environ.get("LOAD_OUT")
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            json.dump({"run_id": RUN_ID, "samples": SAMPLES, "written": WRITTEN, "attempted": ATTEMPTED}, fh)


class NrpUser(HttpUser):
    wait_time = between(0.05, 0.15)

    def on_start(self):
        with _lock:
            self.account = next(_next_user)
        self.client.cookies.set("sessionid", self.account["session"])
        self.api_headers = {"Authorization": f"Bearer {self.account['token']}"}
        pages = PLAN["trivial"] if PHASE == "trivial" else self.account["pages"]
        self.pages = itertools.cycle(pages)
        self.writes = 0
        self.ticks = 0

    def _get(self, page):
        api = page["url"].startswith("/api/")
        with self.client.get(
            page["url"],
            name=page["name"],
            headers=self.api_headers if api else None,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    def _write(self):
        self.writes += 1
        marker = f"load-{RUN_ID}-{self.account['email']}-{self.writes}"
        ATTEMPTED.append(marker)
        with self.client.post(
            self.account["write"],
            name=f"{self.account['role']}: API post message",
            json={"body": marker},
            headers=self.api_headers,
            catch_response=True,
        ) as response:
            if response.status_code == 201:
                WRITTEN.append(marker)
            else:
                response.failure(f"HTTP {response.status_code}")

    @task
    def step(self):
        self.ticks += 1
        if WRITES and PHASE == "mix" and self.account.get("write") and self.ticks % 4 == 0:
            self._write()
        else:
            self._get(next(self.pages))
