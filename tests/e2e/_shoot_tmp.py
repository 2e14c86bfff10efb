import os, sys, time
from cmtest import App, log
db = os.environ["SHOT_DB"]
app = App(db, extra_env={k: v for k, v in os.environ.items() if k.startswith(("ADW_", "GSETTINGS_BACKEND", "XDG_CONFIG"))})
time.sleep(1)
if os.environ.get("SHOT_SAMPLE"):
    app.click_button("Open Sample Cycle")
    time.sleep(1.5)
for step in os.environ.get("SHOT_KEYS", "").split():
    app.focus_window()
    mods = step.split("+")[:-1]
    app.key(step.split("+")[-1], mods)
    time.sleep(0.4)
time.sleep(1)
app.screenshot(os.environ["SHOT_OUT"])
app.quit()
