"""What every headless-Chromium test of the explorer shares: a live server, a browser, screenshots.

Needs Debian's ``chromium`` and ``chromium-driver``; test modules skip with
``NEEDS_BROWSER`` when they are missing. Screenshots go to ``tests/out/screenshots/``.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else shutil.which("chromedriver")
SHOTS = Path(__file__).resolve().parents[1] / "out" / "screenshots"
NEEDS_BROWSER = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                   reason="headless browser tests need chromium and chromedriver "
                                          "(apt-get install chromium chromium-driver)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(db):
    """The real app over ``db``, served by uvicorn on loopback; yields its base URL."""
    import uvicorn

    from dispacci.serving import create_app

    port = _free_port()
    running = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(profile_dir):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not download drivers
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,1000", f"--user-data-dir={profile_dir}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def severe_console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"
            and "favicon" not in entry["message"]]


def wait(driver, condition, seconds: float = 10):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition)


def follow(driver, element, locator, seconds: float = 10):
    """Click ``element`` and wait for the page it loads to show ``locator``.

    Waiting for presence alone can find the element on the page being left,
    which then goes stale mid-read; waiting first for the old page's root to
    go stale makes sure what is read belongs to the new page.
    """
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as until

    old_page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait(driver, until.staleness_of(old_page), seconds)
    return wait(driver, until.presence_of_element_located(locator), seconds)
