import json, os, time, urllib.error, urllib.request

API = os.environ.get("PLATFORM_URL", "http://localhost:3000") + "/api/v1"
HEADERS = {"Authorization": "Bearer " + os.environ["API_KEY"], "Content-Type": "application/json"}
CLAIM = {"queue": os.environ.get("QUEUE", "training"), "workerId": f"python-{os.getpid()}",
         "waitSeconds": int(os.environ.get("WAIT_SECONDS", "20")), "leaseSeconds": 60}

def post(path, body):
    request = urllib.request.Request(API + path, json.dumps(body).encode(), HEADERS)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or "null")  # 204: no task yet

while True:
    task = post(f"/projects/{os.environ['PROJECT_ID']}/external-tasks/claim", CLAIM)
    if task is None:
        continue
    at, lease = f"/external-tasks/{task['taskRunId']}", {"leaseToken": task["leaseToken"]}
    try:
        epochs = task["params"].get("epochs", 1)
        for epoch in range(1, epochs + 1):
            time.sleep(0.1)  # one step of the real training goes here
            post(at + "/heartbeat", lease)
            post(at + "/logs", {**lease, "lines": [f"epoch {epoch}/{epochs}, inputs {task['inputs']}"]})
        post(at + "/complete", {**lease, "outputs": {"accuracy": 0.93, "epochs": epochs}})
    except urllib.error.HTTPError as lost:  # 409: the lease ran out and another worker has the task
        print(lost)
    except Exception as error:
        post(at + "/fail", {**lease, "error": repr(error)})
