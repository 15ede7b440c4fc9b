"""Drives Orator Studio in headless Chromium against a running `orator serve`.

Usage: studio_test.py BASE_URL API_KEY TEMPLATE_ID ARTEFACT_FOLDER

Signs in (a wrong key first), makes a video, watches it complete, plays it to the end,
shares it and opens the share page, generates from a template, deletes the video, and opens
an unknown share link; saves screenshots at desktop and phone sizes. Exits non-zero with a
message on the first thing that does not work as a user would expect.
"""

import json
import os
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE, KEY, TEMPLATE, ARTEFACTS = sys.argv[1:5]
os.makedirs(ARTEFACTS, exist_ok=True)

options = Options()
for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
             "--autoplay-policy=no-user-gesture-required", "--mute-audio"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(browser, 30)


def shot(name, width=1280, height=900):
    browser.set_window_size(width, height)
    browser.execute_script("document.activeElement?.blur(); window.scrollTo(0, 0)")
    time.sleep(0.3)
    browser.save_screenshot(os.path.join(ARTEFACTS, f"{name}.png"))


def both_sizes(name):
    shot(f"{name}-desktop")
    shot(f"{name}-phone", 390, 844)
    browser.set_window_size(1280, 900)


def fail(message):
    shot("failure")
    logs = browser.get_log("browser")
    browser.quit()
    sys.exit(f"{message}\nbrowser console: {json.dumps(logs)[:3000]}")


def check(condition, message):
    if not condition:
        fail(message)


def css(selector, timeout=30):
    try:
        return WebDriverWait(browser, timeout).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, selector)))
    except TimeoutException:
        fail(f"no {selector} after {timeout} s on {browser.current_url}")


def visible_text(selector, text, timeout=30):
    try:
        WebDriverWait(browser, timeout).until(
            EC.text_to_be_present_in_element((By.CSS_SELECTOR, selector), text))
    except TimeoutException:
        element = browser.find_elements(By.CSS_SELECTOR, selector)
        shown = element[0].text if element else "(missing)"
        fail(f"{selector} never said {text!r}; it says {shown!r}")


try:
    # `/` leads to the app; a wrong key is refused with a message.
    browser.set_window_size(1280, 900)
    browser.get(BASE + "/")
    check("/studio/" in browser.current_url, f"/ went to {browser.current_url}")
    css("#sign-in")
    both_sizes("01-sign-in")
    css("#api-key").send_keys("not-a-key")
    css("#sign-in button[type=submit]").click()
    visible_text("#sign-in .error", "not accepted")
    field = css("#api-key")
    field.clear()
    field.send_keys(KEY)
    css("#sign-in button[type=submit]").click()
    css("#videos")
    both_sizes("02-library-empty")

    # A new video: presenter and voice pickers, script, estimate.
    browser.get(BASE + "/studio/#/new")
    css("#create .choice")
    check(len(browser.find_elements(By.CSS_SELECTOR, "#create .choice")) >= 5, "few presenters")
    check(len(browser.find_elements(By.CSS_SELECTOR, "#create .voice")) >= 2, "few voices")
    # A portrait without a face is refused with the reason; a real one becomes a presenter.
    photos = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Photos")
    presenters = len(browser.find_elements(By.CSS_SELECTOR, "#create .choice"))
    css("#portrait").send_keys(os.path.abspath(os.path.join(photos, "no-face.jpg")))
    visible_text("#create .error", "Not used", timeout=90)
    css("#portrait").send_keys(os.path.abspath(os.path.join(photos, "astronaut.jpg")))
    try:
        WebDriverWait(browser, 90).until(lambda _: len(
            browser.find_elements(By.CSS_SELECTOR, "#create .choice")) == presenters + 1)
    except TimeoutException:
        fail("the uploaded portrait did not appear among the presenters")
    title = css("#title")
    title.send_keys("Studio test video")
    script = css("#create textarea.script")
    script.clear()
    script.send_keys("Hello from the studio. This video was made in a browser.")
    visible_text("#estimate", "of credit")
    both_sizes("03-new-video")
    css("#submit").click()
    css("#render-progress")
    shot("04-rendering")
    video = css("#result", timeout=180)
    both_sizes("05-rendered")

    # It plays to the end.
    browser.execute_script("arguments[0].muted = true; arguments[0].play();", video)
    deadline = time.time() + 60
    while time.time() < deadline and not browser.execute_script("return arguments[0].ended", video):
        time.sleep(0.25)
    check(browser.execute_script("return arguments[0].ended", video), "the video never ended")
    check(browser.execute_script("return arguments[0].duration", video) > 1, "video too short")

    # The library shows it; share it and open its page.
    browser.get(BASE + "/studio/#/library")
    css("#videos .card")
    visible_text("#videos .card .title", "Studio test video")
    css("#videos .card .badge.completed")
    both_sizes("06-library")
    card = css("#videos .card")
    video_id = card.get_attribute("data-id")
    [b for b in card.find_elements(By.TAG_NAME, "button") if b.text == "Share"][0].click()
    link = css("#videos .card .share-link").get_attribute("href")
    check(link.endswith("/share/" + video_id), f"share link {link}")
    browser.get(link)
    css("video")
    og = browser.find_elements(By.CSS_SELECTOR, 'meta[property="og:image"]')
    check(len(og) == 1, "the share page has no og:image")
    both_sizes("07-share-page")

    # A template generates a video through its form.
    browser.get(BASE + f"/studio/#/templates")
    css("#templates .card")
    both_sizes("08-templates")
    browser.get(BASE + f"/studio/#/templates/{TEMPLATE}")
    form = css("#template-form")
    box = form.find_element(By.CSS_SELECTOR, "textarea")
    box.clear()
    box.send_keys("Filled in from the browser.")
    both_sizes("09-template-form")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    css("#result", timeout=180)

    # The other pages load.
    for page, marker in [("account", "#credit"), ("webhooks", "#webhook-form"),
                         ("translate", "#translate"), ("api", "details")]:
        browser.get(BASE + f"/studio/#/{page}")
        css(marker)
        both_sizes(f"10-{page}")

    # Delete the first video from the library.
    browser.get(BASE + "/studio/#/library")
    card = css(f'#videos .card[data-id="{video_id}"]')
    [b for b in card.find_elements(By.TAG_NAME, "button") if b.text == "Delete"][0].click()
    browser.switch_to.alert.accept()
    WebDriverWait(browser, 15).until(EC.invisibility_of_element_located(
        (By.CSS_SELECTOR, f'#videos .card[data-id="{video_id}"]')))
    request = urllib.request.Request(f"{BASE}/v3/videos/{video_id}", headers={"X-Api-Key": KEY})
    try:
        urllib.request.urlopen(request)
        fail("the deleted video is still there")
    except urllib.error.HTTPError as error:
        check(error.code == 404, f"deleted video answered {error.code}")

    # An unknown share link gets a friendly page, not JSON.
    browser.get(BASE + "/share/0123456789abcdef0123456789abcdef")
    visible_text("h1", "not shared")
    shot("11-unknown-share")

    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"
              and "favicon" not in entry["message"] and "/share/0123" not in entry["message"]
              and "/v3/users/me" not in entry["message"]
              and "/v1/talking_photo" not in entry["message"]]
    check(not errors, f"console errors: {errors}")
except SystemExit:
    raise
except Exception as error:  # anything unexpected, with a screenshot
    fail(f"{type(error).__name__}: {error}")
browser.quit()
print("studio browser test passed")
