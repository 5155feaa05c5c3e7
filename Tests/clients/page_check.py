#!/usr/bin/python3
"""Opens Salient's time-slider page in headless Chromium through chromedriver (the W3C
WebDriver protocol, on loopback) and prints what the page did as JSON.

Usage: /usr/bin/python3 Tests/clients/page_check.py PAGE.html SCREENSHOT_PREFIX [GOLDEN_PREFIX]

It reads the day shown first, the tiers and events drawn on the first and last days, drives
the slider with the keyboard (Home, then ArrowRight), opens an event's popup, lists every
resource the page requested, and saves a screenshot of the first and the last day
(PREFIX-first.png, PREFIX-last.png). With GOLDEN_PREFIX it also reports, for each screenshot,
the share of pixels that differ from the golden image by more than 48 in a channel (font
hinting moves a few), and the share that differ between the first and the last day. The
protocol needs only the standard library (no Selenium); the comparison uses Pillow.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["value"]


def differing_share(a_path, b_path):
    from PIL import Image, ImageChops
    a, b = Image.open(a_path).convert("RGB"), Image.open(b_path).convert("RGB")
    if a.size != b.size:
        return 1.0
    difference = ImageChops.difference(a, b).point(lambda v: 255 if v > 48 else 0).convert("L")
    return sum(1 for v in difference.getdata() if v) / (a.size[0] * a.size[1])


def main():
    page, prefix = os.path.abspath(sys.argv[1]), sys.argv[2]
    golden = sys.argv[3] if len(sys.argv) > 3 else None
    port = free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if call(base, "GET", "/status")["ready"]:
                    break
            except OSError:
                time.sleep(0.1)
        options = {"binary": CHROMIUM, "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                                 "--window-size=1200,800", "--hide-scrollbars",
                                                 "--force-device-scale-factor=1"]}
        session = call(base, "POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}})["sessionId"]
        s = f"/session/{session}"

        def script(code):
            return call(base, "POST", s + "/execute/sync", {"script": code, "args": []})

        def screenshot(path):
            time.sleep(0.3)  # let Leaflet finish its SVG paths
            with open(path, "wb") as f:
                f.write(base64.b64decode(call(base, "GET", s + "/screenshot")))

        call(base, "POST", s + "/url", {"url": "file://" + page})
        report = {"title": call(base, "GET", s + "/title"), "initial_day": script("return salientPage.day()")}
        report["last"] = {"day": script("return salientPage.day()"), "tiers": script("return salientPage.tierCount()"),
                          "events": script("return salientPage.eventCount()"),
                          "figures": script("return document.getElementById('figures').innerText")}
        screenshot(prefix + "-last.png")
        slider = call(base, "POST", s + "/element", {"using": "css selector", "value": "#slider"})
        element = next(iter(slider.values()))
        call(base, "POST", f"{s}/element/{element}/value", {"text": "\ue011"})  # Home
        report["first"] = {"day": script("return salientPage.day()"), "tiers": script("return salientPage.tierCount()"),
                           "events": script("return salientPage.eventCount()"),
                           "figures": script("return document.getElementById('figures').innerText")}
        screenshot(prefix + "-first.png")
        call(base, "POST", f"{s}/element/{element}/value", {"text": "\ue014"})  # ArrowRight
        report["after_arrow_right"] = script("return salientPage.day()")
        report["hash"] = script("return location.hash")
        report["popup"] = script("return salientPage.openEventPopup(0)")
        report["popup_links"] = script(
            "return Array.from(document.querySelectorAll('.leaflet-popup-content a')).map(a => a.href)")
        report["claims"] = script("return document.querySelectorAll('#claim-list .claim').length")
        report["resources"] = script("return performance.getEntriesByType('resource').map(e => e.name)")
        report["errors"] = script("return window.__errors || []")
        call(base, "DELETE", s)
        report["first_vs_last"] = differing_share(prefix + "-first.png", prefix + "-last.png")
        if golden:
            report["golden"] = {day: differing_share(f"{prefix}-{day}.png", f"{golden}-{day}.png")
                                for day in ("first", "last") if os.path.exists(f"{golden}-{day}.png")}
        print(json.dumps(report, sort_keys=True, ensure_ascii=False), flush=True)
    finally:
        # A parent that blocks SIGTERM (a test runner may) passes the mask on: end it for sure.
        driver.terminate()
        try:
            driver.wait(timeout=5)
        except subprocess.TimeoutExpired:
            driver.kill()
            driver.wait(timeout=10)


if __name__ == "__main__":
    main()
