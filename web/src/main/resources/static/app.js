// Ghost Résumé in the browser: a small client-rendered app on the web service's one origin. It talks to /session
// (who is signed in, the CSRF token) and to /api/**, which the web service relays to the command and query services
// with the access token it keeps on its side. The page never sees that token.

const CATEGORIES = ["JOB", "PITCH", "SUBMISSION", "GRANT", "AUDITION", "ADMISSION", "APPEARANCE", "FUNDING",
  "BUSINESS", "DATING", "SOCIAL", "COMPETITION", "OTHER"];
const STATUSES = ["WAITING", "REJECTED", "ACCEPTED", "GHOSTED", "WITHDRAWN"];
const SUPPORT = { ME_TOO: "Me too", HUG: "Hug", YOU_GOT_THIS: "You got this", PROUD: "Proud of you" };
const METRICS = ["REJECTIONS", "ATTEMPTS", "ACCEPTANCES"];
const COLOURS = { rejected: "#a3231a", accepted: "#1c6b30", attempts: "#3730a3", ghosted: "#6b7078", waiting: "#8a6d00" };

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const status = document.getElementById("status");
const session = { handle: null, csrf: null, consistency: null };

// ---- DOM ------------------------------------------------------------------------------------------------------

/** An element: attributes (on* are listeners, false/null left out), then children (strings become text). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else if (name === "value") element.value = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

let fieldIds = 0;

/** A labelled control: the label names it, an error below it is tied to it by aria-describedby. */
function field(label, control, hint) {
  const id = control.id || (control.id = `f${++fieldIds}`);
  const wrapper = h("div", { class: control.type === "checkbox" ? "field check" : "field" });
  if (control.type === "checkbox") append(wrapper, [control, h("label", { for: id }, label)]);
  else append(wrapper, [h("label", { for: id }, label), control]);
  if (hint) {
    const hintId = `${id}-hint`;
    wrapper.append(h("span", { id: hintId, class: "muted" }, hint));
    control.setAttribute("aria-describedby", hintId);
  }
  return wrapper;
}

const input = (name, attributes = {}) => h("input", { name, type: "text", ...attributes });
const textarea = (name, attributes = {}) => h("textarea", { name, rows: 2, ...attributes });

function select(name, options, attributes = {}) {
  const element = h("select", { name, ...attributes });
  for (const option of options) {
    const [value, text] = Array.isArray(option) ? option : [option, label(option)];
    element.append(h("option", { value }, text));
  }
  if (attributes.value !== undefined) element.value = attributes.value;
  return element;
}

/** "REJECTIONS" → "Rejections", "ME_TOO" → "Me too". */
function label(constant) {
  const text = String(constant).toLowerCase().replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function page(title, ...children) {
  document.title = `${title} · Ghost Résumé`;
  main.replaceChildren(h("h1", {}, title), ...children.flat(Infinity).filter(Boolean));
  return main;
}

function announce(text) {
  status.textContent = "";
  setTimeout(() => { status.textContent = text; }, 30);
}

/** "1 rejection", "2 rejections". */
const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const today = () => new Date().toLocaleDateString("en-CA");
const monthName = (date) => new Date(`${date}T12:00:00`).toLocaleDateString(undefined, { month: "short", year: "numeric" });
const dayName = (date) => date ? new Date(`${date}T12:00:00`).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" }) : "";

// ---- the API -----------------------------------------------------------------------------------------------------

class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `The request failed (${status}).`);
    this.status = status;
    this.body = body || {};
  }
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One call. Commands carry the CSRF token and an Idempotency-Key (the same on a retry); queries carry the latest
 * consistency token, so the next view shows the last write. A 503 (a read waiting for its write, a service
 * starting) is retried as its Retry-After says.
 */
async function api(method, path, body, { contentType = "application/json" } = {}) {
  const headers = { Accept: "application/json" };
  const options = { method, headers, credentials: "same-origin" };
  if (method === "GET") {
    if (session.consistency) headers["Consistency-Token"] = session.consistency;
  } else {
    headers["X-CSRF-TOKEN"] = session.csrf;
    if (method === "POST" && path.startsWith("/api/")) headers["Idempotency-Key"] = newKey();
    if (body !== undefined) {
      headers["Content-Type"] = contentType;
      options.body = contentType === "application/json" ? JSON.stringify(body) : body;
    }
  }
  let response;
  for (let attempt = 0; ; attempt++) {
    response = await fetch(path, options);
    if (response.status !== 503 || attempt >= 5) break;
    const after = Number(response.headers.get("Retry-After")) || 1;
    await pause(Math.min(after, 5) * 1000);
  }
  let answer = await answerOf(response);
  if (response.status === 403 && answer?.type?.endsWith("/csrf")) {
    // the session ended (or was renewed) since the page read its token: read it again, and if still signed
    // in send the same request once more (same Idempotency-Key); if not, this is a sign-in to ask for
    await loadSession();
    if (!session.handle && path.startsWith("/api/")) return signedOut(answer);
    headers["X-CSRF-TOKEN"] = session.csrf;
    response = await fetch(path, options);
    answer = await answerOf(response);
    if (response.status === 403 && answer?.type?.endsWith("/csrf")) return signedOut(answer);
  }
  if (response.status === 401 && path.startsWith("/api/")) return signedOut(answer);
  if (!response.ok) throw new Problem(response.status, answer);
  if (answer && typeof answer.consistencyToken === "string") session.consistency = answer.consistencyToken;
  return answer;
}

/** An answer's JSON body, or `null` for none (204, a download). */
async function answerOf(response) {
  const json = (response.headers.get("Content-Type") || "").includes("json");
  return response.status === 204 || !json ? null : response.json();
}

/** The session is over: a fresh token for the sign-in to come, and the sign-in page, coming back here after. */
async function signedOut(answer) {
  session.handle = null;
  await loadSession();
  renderNav();
  if (!location.pathname.startsWith("/sign-")) {
    go(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, true);
  }
  throw new Problem(401, answer);
}

async function loadSession() {
  const answer = await (await fetch("/session", { headers: { Accept: "application/json" }, credentials: "same-origin" })).json();
  session.handle = answer.handle;
  session.csrf = answer.csrfToken;
}

/** The problem's field errors next to their fields, its detail at the form's foot; nothing of raw JSON. */
function showProblem(form, problem) {
  clearErrors(form);
  const general = [];
  const errors = problem.body?.errors || [];
  for (const error of errors) {
    const name = String(error.field || "").split(/[.[]/)[0];
    const control = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) {
      const id = `${control.id}-error`;
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
      control.closest(".field").append(h("p", { id, class: "error" }, error.message));
    } else {
      general.push(error.message);
    }
  }
  const detail = errors.length && !general.length ? "Please correct the fields marked above." : [problem.message, ...general].join(" ");
  form.append(h("p", { class: "error form-error", role: "alert" }, detail));
  const invalid = form.querySelector('[aria-invalid="true"]');
  if (invalid) invalid.focus();
}

function clearErrors(form) {
  form.querySelectorAll(".error").forEach((element) => element.remove());
  form.querySelectorAll('[aria-invalid="true"]').forEach((control) => {
    control.removeAttribute("aria-invalid");
    const described = (control.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    if (described.length) control.setAttribute("aria-describedby", described.join(" "));
    else control.removeAttribute("aria-describedby");
  });
}

/** The form's named fields; empty ones left out, numbers as numbers, checkboxes as booleans. */
function values(form) {
  const result = {};
  for (const control of form.elements) {
    if (!control.name || control.disabled) continue;
    if (control.type === "checkbox") result[control.name] = control.checked;
    else if (control.value.trim() === "") continue;
    else if (control.type === "number") result[control.name] = Number(control.value);
    else result[control.name] = control.value.trim();
  }
  return result;
}

/** A form that sends itself: the submit button is disabled while it runs, a problem lands beside its fields. */
function form(attributes, children, submit, onDone) {
  const element = h("form", { novalidate: true, ...attributes }, children);
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = element.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      clearErrors(element);
      const answer = await submit(values(element), element);
      if (onDone) await onDone(answer, element);
    } catch (problem) {
      if (problem instanceof Problem && problem.status !== 401) showProblem(element, problem);
      else if (!(problem instanceof Problem)) showProblem(element, new Problem(0, { detail: "The app could not reach the server." }));
    } finally {
      if (button && button.isConnected) button.disabled = false;
    }
  });
  return element;
}

/** A button running one call, then re-rendering the page; a failure is said next to it. */
function action(text, call, attributes = {}) {
  const button = h("button", { type: "button", ...attributes }, text);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await call();
      await render();
    } catch (problem) {
      if (problem.status !== 401) {
        button.after(h("p", { class: "error", role: "alert" }, problem.message));
        button.disabled = false;
      }
    }
  });
  return button;
}

// ---- charts (ECharts, drawn as SVG in a container that names what it shows) --------------------------------------

function chart(description, option, small = false) {
  const container = h("div", { class: small ? "chart small" : "chart", role: "img", "aria-label": description });
  requestAnimationFrame(() => {
    if (!window.echarts || !container.isConnected) return;
    const instance = echarts.init(container, null, { renderer: "svg" });
    instance.setOption({ animation: false, aria: { enabled: false }, textStyle: { color: "#1b1b1f" }, ...option });
    new ResizeObserver(() => instance.resize()).observe(container);
  });
  return container;
}

function barChart(description, categories, series, { stacked = false, horizontal = false, small = false } = {}) {
  const categoryAxis = { type: "category", data: categories, axisLabel: { color: "#1b1b1f" } };
  const valueAxis = { type: "value", minInterval: 1, axisLabel: { color: "#1b1b1f" } };
  return chart(description, {
    grid: { left: horizontal ? 120 : 40, right: 16, top: 36, bottom: 40 },
    legend: { top: 0, textStyle: { color: "#1b1b1f" } },
    tooltip: { trigger: "axis" },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({ type: "bar", stack: stacked ? "all" : undefined, ...s })),
  }, small);
}

// ---- pages -------------------------------------------------------------------------------------------------------

const routes = [
  [/^\/$/, () => go(session.handle ? "/board" : "/sign-in", true)],
  [/^\/sign-in$/, signInPage, true],
  [/^\/sign-up$/, signUpPage, true],
  [/^\/@([^/]+)$/, publicGhostResumePage, true],
  [/^\/board$/, boardPage],
  [/^\/attempts\/([0-9a-f-]{36})$/, attemptPage],
  [/^\/stats$/, statsPage],
  [/^\/goals$/, goalsPage],
  [/^\/challenges$/, challengesPage],
  [/^\/challenges\/([0-9a-f-]{36})$/, challengePage],
  [/^\/feed$/, feedPage],
  [/^\/ghost-resume$/, ghostResumePage],
  [/^\/reports$/, reportsPage],
];

const links = [["/board", "Board"], ["/stats", "Stats"], ["/goals", "Goals"], ["/challenges", "Challenges"],
  ["/feed", "Feed"], ["/ghost-resume", "Ghost résumé"], ["/reports", "Reports"]];

function renderNav() {
  const current = location.pathname;
  const anchor = ([href, text]) => h("a", { href, "aria-current": current === href || current.startsWith(`${href}/`) ? "page" : false }, text);
  if (session.handle) {
    nav.replaceChildren(...links.map(anchor), h("button", { type: "button", class: "quiet", onclick: signOut }, `Sign out @${session.handle}`));
  } else {
    nav.replaceChildren(...[["/sign-in", "Sign in"], ["/sign-up", "Sign up"]].map(anchor));
  }
}

function go(path, replace = false) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  return render({ moved: true });
}

let rendering = 0;

async function render({ moved = false } = {}) {
  const run = ++rendering;
  renderNav();
  const path = location.pathname;
  const route = routes.find(([pattern]) => pattern.test(path));
  if (!route) {
    page("Not found", h("p", {}, "There is no page here. ", h("a", { href: "/" }, "Go to the start.")));
    return;
  }
  const [pattern, show, open] = route;
  if (!open && !session.handle) {
    go(`/sign-in?next=${encodeURIComponent(path + location.search)}`, true);
    return;
  }
  try {
    await show(...path.match(pattern).slice(1).map(decodeURIComponent));
  } catch (problem) {
    if (run !== rendering || problem.status === 401) return;
    page("Something went wrong", h("p", { role: "alert" }, problem.message || "The page could not be shown."),
      h("p", {}, h("a", { href: path }, "Try again")));
  }
  if (moved && run === rendering) main.focus();
}

document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a[href]");
  if (!anchor || anchor.target || anchor.hasAttribute("download") || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
  event.preventDefault();
  go(url.pathname + url.search);
});
window.addEventListener("popstate", () => render({ moved: true }));

async function signOut() {
  await fetch("/session", { method: "DELETE", headers: { "X-CSRF-TOKEN": session.csrf }, credentials: "same-origin" });
  session.handle = null;
  session.consistency = null;
  await loadSession();
  go("/sign-in");
}

function afterSignIn(answer) {
  session.handle = answer.handle;
  session.csrf = answer.csrfToken;
  if (answer.consistencyToken) session.consistency = answer.consistencyToken;
  const next = new URL(new URLSearchParams(location.search).get("next") || "/board", location.origin);
  const here = next.origin === location.origin && !next.pathname.startsWith("/sign-");
  return go(here ? next.pathname + next.search : "/board", true);
}

function signInPage() {
  page("Sign in",
    form({ class: "stacked", "aria-label": "Sign in" }, [
      field("Handle", input("handle", { autocomplete: "username", required: true })),
      field("Password", input("password", { type: "password", autocomplete: "current-password", required: true })),
      h("button", { type: "submit" }, "Sign in"),
    ], (body) => api("POST", "/session", body), afterSignIn),
    h("p", {}, "New here? ", h("a", { href: `/sign-up${location.search}` }, "Create an account")));
}

function signUpPage() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  page("Create your account",
    h("p", {}, "Collect your nos on purpose: every rejection logged is an ask you dared to make."),
    form({ class: "stacked", "aria-label": "Sign up" }, [
      field("Handle", input("handle", { autocomplete: "username", required: true }), "Letters, digits, - and _; others see it."),
      field("Display name", input("displayName", { autocomplete: "nickname", required: true })),
      field("Password", input("password", { type: "password", autocomplete: "new-password", required: true }), "At least 10 characters."),
      field("Time zone", input("timeZone", { value: zone, required: true }), "Your days and weeks are counted in it."),
      h("button", { type: "submit" }, "Sign up"),
    ], (body) => api("POST", "/session/account", body), afterSignIn),
    h("p", {}, "Already collecting? ", h("a", { href: `/sign-in${location.search}` }, "Sign in")));
}

// -- the board --

async function boardPage() {
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams({ limit: "100" });
  for (const name of ["status", "category"]) if (params.get(name)) query.set(name, params.get(name));
  const [board, reminders] = await Promise.all([api("GET", `/api/me/attempts?${query}`), api("GET", "/api/me/reminders")]);
  const due = new Map(reminders.reminders.map((reminder) => [reminder.attemptId, reminder]));

  const quick = form({ "aria-label": "Log an ask" }, [
    field("Category", select("category", CATEGORIES, { value: localStorage.getItem("lastCategory") || "JOB" })),
    field("Target", input("target", { required: true, placeholder: "Who you asked" })),
    field("Title", input("title", { required: true, placeholder: "What you asked for" })),
    field("Sent on", input("sentOn", { type: "date", value: today(), max: today() })),
    h("button", { type: "submit" }, "Log ask"),
  ], (body) => {
    localStorage.setItem("lastCategory", body.category);
    return api("POST", "/api/attempts", body);
  }, async () => { announce("Ask logged."); await render(); main.querySelector('[name="target"]').focus(); });

  const filters = h("form", { class: "row", role: "search", "aria-label": "Filter the board" },
    field("Status", select("status", [["", "Any status"], ...STATUSES.map((s) => [s, label(s)])], { value: params.get("status") || "" })),
    field("Category", select("category", [["", "Any category"], ...CATEGORIES.map((c) => [c, label(c)])], { value: params.get("category") || "" })),
    h("button", { type: "submit", class: "quiet" }, "Filter"));
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const control of filters.elements) if (control.name && control.value) chosen.set(control.name, control.value);
    go(`/board${chosen.size ? `?${chosen}` : ""}`);
  });

  page("Your board",
    h("section", { "aria-labelledby": "quick-title" }, h("h2", { id: "quick-title" }, "Log an ask"), quick),
    reminders.reminders.length ? h("section", { class: "reminder", "aria-labelledby": "reminders-title" },
      h("h2", { id: "reminders-title" }, `Follow-ups due (${reminders.reminders.length})`),
      h("ul", {}, reminders.reminders.map((r) => h("li", {}, h("a", { href: `/attempts/${r.attemptId}` }, `${r.target}: ${r.title}`), ` — due ${dayName(r.dueOn)}`)))) : null,
    filters,
    board.items.length
      ? h("ul", { class: "attempts", "aria-label": "Attempts" }, board.items.map((item) => attemptCard(item, due.get(item.attemptId))))
      : h("p", {}, params.size ? "No attempt matches these filters." : "Nothing logged yet: log your first ask above."));
}

function attemptCard(item, reminder) {
  const card = h("li", { class: `attempt status-${item.status}` },
    h("h3", {}, h("a", { href: `/attempts/${item.attemptId}` }, `${item.target}: ${item.title}`)),
    h("div", { class: "row" },
      h("span", { class: "badge" }, label(item.status)),
      h("span", {}, label(item.category)),
      h("span", {}, `sent ${dayName(item.sentOn)}`),
      item.status === "WAITING" ? h("span", {}, `${count(item.daysWaiting, "day")} waiting`) : null,
      item.daysToResponse !== null && item.daysToResponse !== undefined ? h("span", {}, `answered in ${count(item.daysToResponse, "day")}`) : null));
  if (reminder) {
    card.append(h("p", { class: "row" }, h("strong", {}, `Follow-up due ${dayName(reminder.dueOn)}`),
      action("I followed up", () => api("POST", `/api/attempts/${item.attemptId}/follow-up`, {}), { class: "quiet" })));
  }
  if (item.status === "WAITING") card.append(outcomeButtons(item));
  return card;
}

function outcomeButtons(item) {
  const name = `${item.target}: ${item.title}`;
  const holder = h("div", {});
  const rejection = form({ class: "rejection", hidden: true, "aria-label": `The no from ${name}` }, [
    field("How much did it sting? (1–5)", select("sting", [["", "Not rated"], "1", "2", "3", "4", "5"].map((v) => Array.isArray(v) ? v : [v, v]))),
    field("Feedback", textarea("feedback", { placeholder: "What they said, if anything" })),
    h("button", { type: "submit" }, "Record the no"),
  ], (body) => api("POST", `/api/attempts/${item.attemptId}/rejection`, { ...body, sting: body.sting ? Number(body.sting) : undefined }),
  async () => { announce("Rejection recorded. One more no collected."); await render(); });
  const no = h("button", { type: "button", "aria-expanded": "false", "aria-label": `No from ${name}` }, "No");
  no.addEventListener("click", () => {
    rejection.hidden = !rejection.hidden;
    no.setAttribute("aria-expanded", String(!rejection.hidden));
    if (!rejection.hidden) rejection.querySelector("select").focus();
  });
  const outcome = (text, path, spoken) => action(text, async () => {
    await api("POST", `/api/attempts/${item.attemptId}/${path}`, {});
    announce(spoken);
  }, { class: "quiet", "aria-label": `${text} — ${name}` });
  append(holder, [h("div", { class: "outcomes" }, no,
    outcome("Yes", "acceptance", "Acceptance recorded."),
    outcome("Ghosted", "ghosting", "Marked as ghosted."),
    outcome("Withdrawn", "withdrawal", "Marked as withdrawn.")), rejection]);
  return holder;
}

// -- one attempt: history, reflections, shares --

async function attemptPage(attemptId) {
  const [attempt, mine] = await Promise.all([api("GET", `/api/me/attempts/${attemptId}`), api("GET", "/api/challenges?mine=true&limit=100")]);
  const decided = attempt.status !== "WAITING";
  page(`${attempt.target}: ${attempt.title}`,
    h("p", { class: `attempt status-${attempt.status}` }, h("span", { class: "badge" }, label(attempt.status)), ` ${label(attempt.category)}, sent ${dayName(attempt.sentOn)}`,
      attempt.notes ? h("span", { class: "story" }, ` — ${attempt.notes}`) : null),
    attempt.status === "WAITING" ? outcomeButtons(attempt) : null,
    h("h2", {}, "History"),
    h("ol", {}, attempt.history.map((event) => h("li", {}, `${dayName(event.date)}: ${label(event.type.replace(/([a-z])([A-Z])/g, "$1_$2"))}`,
      event.details?.feedback ? ` — “${event.details.feedback}”` : "", event.details?.sting ? ` (sting ${event.details.sting}/5)` : ""))),
    h("h2", { id: "reflections-title" }, "Reflections"),
    attempt.reflections.length ? h("ul", { "aria-labelledby": "reflections-title" }, attempt.reflections.map((r) => h("li", { class: "card" },
      h("p", { class: "muted" }, dayName(r.recordedOn), r.wasItPersonal ? ` · was it personal? ${label(r.wasItPersonal)}` : ""),
      r.whatHappened ? h("p", { class: "story" }, h("strong", {}, "What happened: "), r.whatHappened) : null,
      r.whatILearned ? h("p", { class: "story" }, h("strong", {}, "What I learned: "), r.whatILearned) : null,
      r.nextTime ? h("p", { class: "story" }, h("strong", {}, "Next time: "), r.nextTime) : null))) : h("p", { class: "muted" }, "No reflection yet. What did this one teach you?"),
    form({ class: "stacked", "aria-label": "Write a reflection" }, [
      field("What happened", textarea("whatHappened")),
      field("What I learned", textarea("whatILearned")),
      field("Next time", textarea("nextTime")),
      field("Was it personal?", select("wasItPersonal", [["", "Not sure yet"], ["NO", "No"], ["YES", "Yes"], ["UNSURE", "Unsure"]])),
      h("button", { type: "submit" }, "Save reflection"),
    ], (body) => api("POST", `/api/attempts/${attemptId}/reflections`, body), async () => { announce("Reflection saved."); await render(); }),
    decided ? [h("h2", {}, "Share it"),
      h("p", {}, "Sharing a no helps others feel less alone. Anonymous shares never show your handle or link to your ghost résumé."),
      form({ class: "stacked", "aria-label": "Share this outcome" }, [
        field("Your story (optional)", textarea("story", { rows: 3 })),
        field("Share anonymously", h("input", { type: "checkbox", name: "anonymous", checked: true })),
        field("Audience", select("audience", [["PUBLIC", "Everyone (the feed)"], ...(mine.challenges.length ? [["CHALLENGE", "A challenge I am in"]] : [])])),
        mine.challenges.length ? field("Challenge", select("challengeId", [["", "—"], ...mine.challenges.map((c) => [c.challengeId, c.name])])) : null,
        h("button", { type: "submit" }, "Share"),
      ], (body) => {
        if (body.audience !== "CHALLENGE") delete body.challengeId;
        return api("POST", `/api/attempts/${attemptId}/shares`, body).then((answer) => ({ ...answer, challengeId: body.challengeId }));
      }, async (answer) => { announce("Shared."); await go(answer.challengeId ? `/challenges/${answer.challengeId}` : "/feed"); })] : null);
}

// -- stats and resilience --

async function statsPage() {
  const [stats, resilience] = await Promise.all([api("GET", "/api/me/stats"), api("GET", "/api/me/resilience")]);
  const figure = (text, value) => h("div", { class: "figure" }, h("strong", {}, value ?? "—"), text);
  const percent = (rate) => rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)} %`;
  const weeks = stats.byWeek.slice(-26);
  const categories = Object.entries(stats.byCategory).filter(([, c]) => c.attempts > 0);
  const months = resilience.byMonth;
  page("Stats",
    h("div", { class: "figures" },
      figure("attempts", stats.attempts), figure("rejections", stats.rejections), figure("acceptances", stats.acceptances),
      figure("rejections per acceptance", stats.rejectionsPerAcceptance === null ? "—" : Number(stats.rejectionsPerAcceptance).toFixed(1)),
      figure("median days to a response", stats.medianDaysToResponse), figure("response rate", percent(stats.responseRate)),
      figure("still waiting", stats.waiting), figure("ghosted", stats.ghosted)),
    h("h2", {}, "By week"),
    weeks.length ? barChart(`By week: ${weeks.map((w) => `week of ${w.weekStart}, ${w.attempts} attempts, ${w.rejections} rejections, ${w.acceptances} acceptances`).join("; ")}`,
      weeks.map((w) => w.weekStart.slice(5)),
      [{ name: "Attempts", data: weeks.map((w) => w.attempts), itemStyle: { color: COLOURS.attempts } },
        { name: "Rejections", data: weeks.map((w) => w.rejections), itemStyle: { color: COLOURS.rejected } },
        { name: "Acceptances", data: weeks.map((w) => w.acceptances), itemStyle: { color: COLOURS.accepted } }]) : h("p", { class: "muted" }, "No week yet."),
    h("h2", {}, "By category"),
    categories.length ? barChart(`By category: ${categories.map(([c, v]) => `${label(c)} ${v.attempts} attempts, ${v.rejections} rejections, ${v.acceptances} acceptances`).join("; ")}`,
      categories.map(([c]) => label(c)),
      [{ name: "Rejections", data: categories.map(([, v]) => v.rejections), itemStyle: { color: COLOURS.rejected } },
        { name: "Acceptances", data: categories.map(([, v]) => v.acceptances), itemStyle: { color: COLOURS.accepted } },
        { name: "Waiting", data: categories.map(([, v]) => v.waiting), itemStyle: { color: COLOURS.waiting } }], { stacked: true, horizontal: true, small: categories.length < 4 }) : null,
    h("h2", {}, "Does it get easier?"),
    h("p", {}, "How much each month's nos stung on average (1–5), from the sting you gave them."),
    months.some((m) => m.averageSting !== null) ? chart(`Average sting by month: ${months.map((m) => `${m.month} ${m.averageSting === null ? "not rated" : Number(m.averageSting).toFixed(1)} over ${count(m.rejections, "rejection")}`).join("; ")}`, {
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: months.map((m) => m.month), axisLabel: { color: "#1b1b1f" } },
      yAxis: { type: "value", min: 0, max: 5, axisLabel: { color: "#1b1b1f" } },
      series: [{ name: "Average sting", type: "line", data: months.map((m) => m.averageSting), itemStyle: { color: COLOURS.rejected }, connectNulls: true }],
    }, true) : h("p", { class: "muted" }, "Rate the sting of a no to see the trend."),
    resilience.overall.rejections ? h("p", {}, `Overall: ${count(resilience.overall.rejections, "rejection")}, average sting ${resilience.overall.averageSting === null ? "not rated" : Number(resilience.overall.averageSting).toFixed(1)}, ${count(resilience.overall.reflections, "reflection")} written.`) : null);
}

// -- goals, streaks, pauses, silence settings --

async function goalsPage() {
  const [goals, streaks, pauses, settings, activity] = await Promise.all([api("GET", "/api/me/goals"), api("GET", "/api/me/streaks"),
    api("GET", "/api/me/pauses"), api("GET", "/api/me/settings"), api("GET", "/api/me/activity")]);
  page("Goals and streaks",
    h("p", { class: "figures" },
      h("span", { class: "figure" }, h("strong", {}, streaks.activity.current), "days active in a row"),
      h("span", { class: "figure" }, h("strong", {}, streaks.activity.longest), "longest run of active days")),
    goals.goals.length ? goals.goals.map(goalCard) : h("p", {}, "No goal yet. Many start with three rejections a week."),
    h("section", { "aria-labelledby": "new-goal" }, h("h2", { id: "new-goal" }, "New goal"),
      form({ "aria-label": "New goal" }, [
        field("Count", select("metric", METRICS, { value: "REJECTIONS" })),
        field("Category", select("category", [["", "Any category"], ...CATEGORIES.map((c) => [c, label(c)])])),
        field("Target", input("target", { type: "number", min: 1, value: 3, required: true })),
        field("Per", select("period", [["WEEK", "Week"], ["MONTH", "Month"], ["CUSTOM", "Custom window"]])),
        field("Starts on", input("startsOn", { type: "date", value: today(), required: true })),
        field("Ends on (optional)", input("endsOn", { type: "date" })),
        h("button", { type: "submit" }, "Set goal"),
      ], (body) => api("POST", "/api/goals", body), async () => { announce("Goal set."); await render(); })),
    h("h2", {}, "Active days"),
    heatMap(activity, pauses.pauses),
    h("section", { "aria-labelledby": "pauses-title" }, h("h2", { id: "pauses-title" }, "Pauses"),
      h("p", {}, "A paused day neither breaks a streak nor counts against a goal."),
      pauses.pauses.length ? h("ul", {}, pauses.pauses.map((p) => h("li", { class: "row" }, `${dayName(p.from)} – ${dayName(p.to)}${p.reason ? ` (${p.reason})` : ""}`,
        action("Cancel pause", () => api("DELETE", `/api/me/pauses/${p.pauseId}`), { class: "quiet", "aria-label": `Cancel the pause from ${p.from} to ${p.to}` })))) : null,
      form({ "aria-label": "Schedule a pause" }, [
        field("From", input("from", { type: "date", value: today(), required: true })),
        field("To", input("to", { type: "date", required: true })),
        field("Reason (optional)", input("reason")),
        h("button", { type: "submit" }, "Schedule pause"),
      ], (body) => api("POST", "/api/me/pauses", body), async () => { announce("Pause scheduled."); await render(); })),
    silenceSettings(settings));
}

function goalCard(goal) {
  const what = `${goal.target} ${label(goal.metric).toLowerCase()}${goal.category ? ` (${label(goal.category).toLowerCase()})` : ""} a ${goal.period === "CUSTOM" ? "window" : goal.period.toLowerCase()}`;
  const current = goal.current;
  const card = h("section", { class: "card", "aria-label": `Goal: ${what}` },
    h("h2", {}, what, goal.retired ? " — retired" : ""));
  if (current) {
    card.append(h("p", {}, h("strong", { class: "goal-progress" }, `${current.count}/${current.target}`), ` this ${goal.period === "CUSTOM" ? "window" : goal.period.toLowerCase()} (${dayName(current.periodStart)} – ${dayName(current.periodEnd)})`, current.met ? " — met!" : ""),
      h("progress", { max: current.target, value: Math.min(current.count, current.target), "aria-label": `${current.count} of ${current.target}` }));
  }
  append(card, [h("p", {}, `Streak ${goal.streak.current} (longest ${goal.streak.longest}) · consistency ${goal.consistencyScore === null ? "—" : `${Math.round(goal.consistencyScore * 100)} %`}`),
    goal.history.length ? h("ul", { class: "periods", "aria-label": "Earlier periods" }, goal.history.map((p) => h("li", { class: `period period-${p.status}` }, `${p.periodStart.slice(5)}: ${p.count}/${p.target} ${label(p.status).toLowerCase()}`))) : null]);
  if (!goal.retired) {
    card.append(h("div", { class: "row" },
      form({ "aria-label": `Change the target of ${what}` }, [
        field("New target", input("target", { type: "number", min: 1, value: goal.target })),
        h("button", { type: "submit", class: "quiet" }, "Change target"),
      ], (body) => api("PATCH", `/api/goals/${goal.goalId}`, body), async () => { announce("The new target applies from the next period."); await render(); }),
      action("Retire goal", () => api("DELETE", `/api/goals/${goal.goalId}`), { class: "quiet", "aria-label": `Retire ${what}` })));
  }
  return card;
}

function heatMap(activity, pauses) {
  const paused = [];
  for (const p of pauses) {
    for (let day = new Date(`${p.from}T12:00:00`); day <= new Date(`${p.to}T12:00:00`); day.setDate(day.getDate() + 1)) {
      const iso = day.toLocaleDateString("en-CA");
      if (iso >= activity.from && iso <= activity.to) paused.push([iso, 1]);
    }
  }
  const active = activity.days.map((d) => [d.day, d.facts]);
  const most = Math.max(1, ...active.map(([, n]) => n));
  return chart(`Calendar of active days from ${activity.from} to ${activity.to}: ${active.length} active days${paused.length ? `, ${paused.length} paused days` : ""}.`, {
    tooltip: { formatter: (p) => p.seriesName === "Paused" ? `${p.value[0]}: paused` : `${p.value[0]}: ${p.value[1]}` },
    visualMap: { seriesIndex: 0, min: 1, max: most, show: false, inRange: { color: ["#b7e1c1", "#1c6b30"] } },
    calendar: { range: [activity.from, activity.to], cellSize: ["auto", 13], top: 30, left: 30, right: 10,
      itemStyle: { borderColor: "#ffffff", color: "#eeede9" }, splitLine: { show: false }, yearLabel: { show: false },
      dayLabel: { color: "#1b1b1f", firstDay: 1 }, monthLabel: { color: "#1b1b1f" } },
    series: [{ name: "Active", type: "heatmap", coordinateSystem: "calendar", data: active },
      { name: "Paused", type: "scatter", coordinateSystem: "calendar", data: paused, symbol: "rect", symbolSize: 9, itemStyle: { color: "#51565c" } }],
  }, true);
}

function silenceSettings(settings) {
  const rows = CATEGORIES.map((category) => h("tr", {},
    h("th", { scope: "row" }, label(category)),
    h("td", {}, input(`ghost-${category}`, { type: "number", min: 1, value: settings.ghostingDays[category], "aria-label": `Days of silence before ${label(category)} counts as ghosted` })),
    h("td", {}, input(`follow-${category}`, { type: "number", min: 1, value: settings.followUpDays[category], "aria-label": `Days before a ${label(category)} follow-up reminder` }))));
  return h("section", { "aria-labelledby": "silence-title" }, h("h2", { id: "silence-title" }, "Silence settings"),
    h("p", {}, "How many days of silence until an ask counts as ghosted, and until you are reminded to follow up."),
    form({ class: "stacked", "aria-label": "Silence settings" }, [
      h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Category"), h("th", { scope: "col" }, "Ghosted after (days)"), h("th", { scope: "col" }, "Follow up after (days)"))), h("tbody", {}, rows))),
      h("button", { type: "submit" }, "Save settings"),
    ], (body) => {
      const ghostingDays = {}, followUpDays = {};
      for (const [name, value] of Object.entries(body)) {
        const [kind, category] = name.split("-");
        (kind === "ghost" ? ghostingDays : followUpDays)[category] = value;
      }
      return api("PUT", "/api/me/settings", { ghostingDays, followUpDays });
    }, async () => { announce("Settings saved."); await render(); }));
}

// -- challenges --

async function challengesPage() {
  const [mine, open] = await Promise.all([api("GET", "/api/challenges?mine=true&limit=100"), api("GET", "/api/challenges?limit=50")]);
  const list = (challenges, empty) => challenges.length ? h("ul", {}, challenges.map((c) => h("li", {},
    h("a", { href: `/challenges/${c.challengeId}` }, c.name), ` — ${dayName(c.startsOn)} to ${dayName(c.endsOn)}, ${count(c.memberCount, "member")}${c.member ? " (you are in)" : ""}`))) : h("p", { class: "muted" }, empty);
  const start = today();
  const end = new Date(); end.setMonth(end.getMonth() + 1, 0);
  page("Challenges",
    h("h2", {}, "Yours"), list(mine.challenges, "You are in no challenge yet."),
    h("h2", {}, "Open to everyone"), list(open.challenges.filter((c) => !c.member), "No public challenge to join right now."),
    h("section", { "aria-labelledby": "new-challenge" }, h("h2", { id: "new-challenge" }, "Start a challenge"),
      form({ "aria-label": "Start a challenge" }, [
        field("Name", input("name", { required: true, placeholder: "November of NO" })),
        field("Description (optional)", input("description")),
        field("Starts on", input("startsOn", { type: "date", value: start, required: true })),
        field("Ends on", input("endsOn", { type: "date", value: end.toLocaleDateString("en-CA"), required: true })),
        field("Count", select("metric", METRICS, { value: "REJECTIONS" })),
        field("Category", select("category", [["", "Any category"], ...CATEGORIES.map((c) => [c, label(c)])])),
        field("Target", input("target", { type: "number", min: 1, value: 3 })),
        field("Per", select("per", [["WEEK", "Week"], ["TOTAL", "Whole challenge"]])),
        field("Who may join", select("visibility", [["INVITE", "Those with the invite link"], ["PUBLIC", "Anyone"]])),
        h("button", { type: "submit" }, "Start challenge"),
      ], (body) => {
        const { metric, category, target, per, ...rest } = body;
        return api("POST", "/api/challenges", { ...rest, goal: { metric, category, target, per } });
      }, (answer) => go(`/challenges/${answer.challengeId}`))));
}

async function challengePage(challengeId) {
  const code = new URLSearchParams(location.search).get("code");
  let challenge;
  try {
    challenge = await api("GET", `/api/challenges/${challengeId}`);
  } catch (problem) {
    if (problem.status !== 404 || !code) throw problem;
    return page("Join a challenge",
      h("p", {}, "You were invited to a challenge: collect rejections together, week by week."),
      form({ "aria-label": "Join the challenge" }, [h("button", { type: "submit" }, "Join the challenge")],
        () => api("POST", `/api/challenges/${challengeId}/members`, { inviteCode: code }),
        async () => { announce("You joined."); await go(`/challenges/${challengeId}`, true); }));
  }
  const member = challenge.members.some((m) => m.handle === session.handle);
  const feed = member ? await api("GET", `/api/challenges/${challengeId}/feed?limit=20`) : null;
  const invite = challenge.inviteCode ? `${location.origin}/challenges/${challengeId}?code=${encodeURIComponent(challenge.inviteCode)}` : null;
  const goal = challenge.goal;
  page(challenge.name,
    challenge.description ? h("p", {}, challenge.description) : null,
    h("p", {}, `${dayName(challenge.startsOn)} – ${dayName(challenge.endsOn)} · goal: ${goal.target} ${label(goal.metric).toLowerCase()}${goal.category ? ` (${label(goal.category).toLowerCase()})` : ""} ${goal.per === "WEEK" ? "a week" : "in all"} · ${count(challenge.memberCount, "member")}`),
    invite ? h("section", { "aria-labelledby": "invite-title" }, h("h2", { id: "invite-title" }, "Invite others"),
      field("Invite link", input("invite", { value: invite, readonly: true, class: "invite-link" })),
      h("button", { type: "button", class: "quiet", onclick: async () => { await navigator.clipboard?.writeText(invite); announce("Invite link copied."); } }, "Copy link")) : null,
    member ? null : form({ "aria-label": "Join the challenge" }, [h("button", { type: "submit" }, "Join the challenge")],
      () => api("POST", `/api/challenges/${challengeId}/members`, code ? { inviteCode: code } : {}), async () => { announce("You joined."); await render(); }),
    h("h2", { id: "table-title" }, "Week by week"),
    h("div", { class: "table-wrap" }, h("table", { "aria-labelledby": "table-title" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Member"), challenge.weeks.map((w) => h("th", { scope: "col" }, `Week ${w.week} (${w.startsOn.slice(5)})`)), h("th", { scope: "col" }, "Total"))),
      h("tbody", {}, challenge.members.map((m) => h("tr", {}, h("th", { scope: "row" }, m.displayName || m.handle),
        challenge.weeks.map((w) => { const week = m.weeks.find((x) => x.week === w.week); return h("td", {}, week ? `${week.rejections} no · ${count(week.attempts, "ask")}` : "—"); }),
        h("td", {}, m.totals ? `${m.totals.rejections} no · ${count(m.totals.attempts, "ask")}` : "—")))))),
    h("h2", { id: "leaders-title" }, "Leaderboard"),
    h("ol", { "aria-labelledby": "leaders-title" }, challenge.leaderboard.map((l) => h("li", {}, `${l.displayName || l.handle}: ${count(l.rejections, "rejection")} from ${count(l.attempts, "ask")}`))),
    feed ? [h("h2", {}, "The challenge's feed"), shareList(feed.items, "No share in this challenge yet.")] : null,
    h("p", { class: "row" }, h("a", { href: `/api/challenges/${challengeId}/report?format=html`, target: "_blank", rel: "noopener" }, "Wrap-up report"),
      member ? action("Leave the challenge", () => api("DELETE", `/api/challenges/${challengeId}/members/me`), { class: "quiet" }) : null));
}

// -- the feed --

async function feedPage() {
  const feed = await api("GET", "/api/feed?limit=50");
  page("Feed", h("p", {}, "Nos shared by people collecting theirs. Support costs nothing."), shareList(feed.items, "Nothing shared yet."));
}

function shareList(items, empty) {
  return items.length ? h("ul", { class: "attempts", "aria-label": "Shares" }, items.map(shareCard)) : h("p", { class: "muted" }, empty);
}

function shareCard(share) {
  const who = share.anonymous && !share.author ? "Someone" : share.author ? (share.author.displayName || `@${share.author.handle}`) : "Someone";
  const what = `${who}: ${label(share.outcome).toLowerCase()} (${label(share.category).toLowerCase()}${share.stageReached ? `, ${share.stageReached}` : ""})`;
  const card = h("li", { class: `card share outcome-${share.outcome}`, "aria-label": what },
    h("p", {}, h("strong", {}, what), share.sting ? ` · stung ${share.sting}/5` : "", share.anonymous ? " · shared anonymously" : "", share.mine ? " · yours" : ""),
    share.story ? h("p", { class: "story" }, share.story) : null,
    share.ghostResume && (share.ghostResume.rejections || share.ghostResume.ghostings)
      ? h("p", { class: "muted" }, `Behind it: ${count(share.ghostResume.rejections, "rejection")} and ${count(share.ghostResume.ghostings, "ghosting")}.`) : null);
  const given = new Set(share.supportedByMe || []);
  const buttons = Object.entries(SUPPORT).map(([kind, text]) => {
    const count = share.support?.[kind] || 0;
    const pressed = given.has(kind);
    return action(`${text} ${count}`, () => pressed
      ? api("DELETE", `/api/shares/${share.shareId}/support/${kind}`)
      : api("POST", `/api/shares/${share.shareId}/support`, { kind }),
    { class: "quiet support", "aria-pressed": String(pressed), "data-kind": kind, disabled: share.mine, "aria-label": `${text}: ${count}` });
  });
  card.append(h("div", { class: "outcomes", role: "group", "aria-label": "Support" }, buttons));
  if (share.mine) {
    card.append(action("Withdraw share", () => api("DELETE", `/api/shares/${share.shareId}`), { class: "quiet" }));
  } else {
    const report = form({ hidden: true, "aria-label": "Report this share" }, [
      field("Why should it be taken down?", input("reason", { required: true })),
      h("button", { type: "submit" }, "Send report"),
    ], (body) => api("POST", `/api/shares/${share.shareId}/reports`, body), (answer, element) => {
      element.replaceWith(h("p", { role: "status" }, "Thank you: a moderator will look at it."));
    });
    const toggle = h("button", { type: "button", class: "quiet", "aria-expanded": "false" }, "Report");
    toggle.addEventListener("click", () => { report.hidden = !report.hidden; toggle.setAttribute("aria-expanded", String(!report.hidden)); });
    append(card, [toggle, report]);
  }
  return card;
}

// -- the ghost résumé --

function chapterChart(chapters) {
  const names = chapters.map((c) => c.acceptance ? `${c.acceptance.target}` : `${label(c.category)} (open)`);
  return barChart(`Ghost résumé: ${chapters.map((c, i) => `${names[i]}: ${c.rejections} rejections and ${c.ghostings} ghostings behind ${c.acceptance ? "an acceptance" : "no acceptance yet"}`).join("; ")}`,
    names, [
      { name: "Rejections", data: chapters.map((c) => c.rejections), itemStyle: { color: COLOURS.rejected } },
      { name: "Ghostings", data: chapters.map((c) => c.ghostings), itemStyle: { color: COLOURS.ghosted } },
      { name: "Acceptance", data: chapters.map((c) => c.acceptance ? 1 : 0), itemStyle: { color: COLOURS.accepted } },
    ], { stacked: true, horizontal: true, small: chapters.length < 4 });
}

async function ghostResumePage() {
  const resume = await api("GET", "/api/me/ghost-resume");
  let published = false;
  try {
    await api("GET", `/api/seekers/${encodeURIComponent(session.handle)}/ghost-resume`);
    published = true;
  } catch (problem) {
    if (problem.status !== 404) throw problem;
  }
  const chapters = [...resume.chapters, ...resume.categories.filter((c) => c.openChapter).map((c) => ({ ...c.openChapter, acceptance: null }))];
  page("Your ghost résumé",
    h("p", {}, `Behind ${count(resume.totals.acceptances, "acceptance")} stand ${count(resume.totals.rejections, "rejection")} and ${count(resume.totals.ghostings, "ghosting")}`,
      resume.rejectionsPerAcceptance !== null ? ` — ${Number(resume.rejectionsPerAcceptance).toFixed(1)} nos for every yes.` : "."),
    chapters.length ? chapterChart(chapters) : h("p", { class: "muted" }, "Your ghost résumé fills as the nos come in."),
    resume.chapters.length ? [h("h2", {}, "Chapters"), h("ol", {}, resume.chapters.map((c) => h("li", {},
      h("strong", {}, `${c.acceptance.target}: ${c.acceptance.title}`), ` (${label(c.category).toLowerCase()}, accepted ${dayName(c.acceptance.acceptedOn)}) — after ${count(c.rejections, "rejection")} and ${count(c.ghostings, "ghosting")}`,
      c.attempts.length ? h("ul", {}, c.attempts.map((a) => h("li", {}, `${a.target}: ${a.title} — ${label(a.status).toLowerCase()} ${dayName(a.decidedOn)}`))) : null)))] : null,
    h("section", { "aria-labelledby": "public-title" }, h("h2", { id: "public-title" }, "Public page"),
      h("p", {}, published ? ["Anyone can see your counts per category at ", h("a", { href: `/@${session.handle}` }, `${location.origin}/@${session.handle}`), " (no targets, titles or dates)."]
        : "Only you can see your ghost résumé. Making it public shows your counts per category, never targets, titles or dates."),
      action(published ? "Make it private" : "Make it public", () => api("PUT", "/api/me/profile", { publicGhostResume: !published }))));
}

async function publicGhostResumePage(handle) {
  let resume;
  try {
    resume = await api("GET", `/api/seekers/${encodeURIComponent(handle)}/ghost-resume`);
  } catch (problem) {
    if (problem.status !== 404) throw problem;
    return page("Not public", h("p", {}, `@${handle} has no public ghost résumé.`));
  }
  page(`${resume.displayName || resume.handle}'s ghost résumé`,
    h("p", {}, `Behind ${count(resume.totals.acceptances, "acceptance")} stand ${count(resume.totals.rejections, "rejection")} and ${count(resume.totals.ghostings, "ghosting")}.`),
    barChart(`By category: ${resume.categories.map((c) => `${label(c.category)} ${c.rejections} rejections, ${c.ghostings} ghostings, ${c.acceptances} acceptances`).join("; ")}`,
      resume.categories.map((c) => label(c.category)), [
        { name: "Rejections", data: resume.categories.map((c) => c.rejections), itemStyle: { color: COLOURS.rejected } },
        { name: "Ghostings", data: resume.categories.map((c) => c.ghostings), itemStyle: { color: COLOURS.ghosted } },
        { name: "Acceptances", data: resume.categories.map((c) => c.acceptances), itemStyle: { color: COLOURS.accepted } },
      ], { stacked: true, horizontal: true, small: resume.categories.length < 4 }),
    session.handle ? null : h("p", {}, h("a", { href: "/sign-up" }, "Start your own ghost résumé")));
}

// -- reports, export, import --

function isoWeek(date) {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function reportsPage() {
  const now = new Date();
  const periods = [["This week", isoWeek(now)], ["This month", today().slice(0, 7)], ["This year", String(now.getFullYear())]];
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 15);
  periods.push(["Last month", last.toLocaleDateString("en-CA").slice(0, 7)]);
  const importResult = h("div", { "aria-live": "polite" });
  const upload = form({ class: "stacked", "aria-label": "Import a spreadsheet" }, [
    field("Spreadsheet (CSV)", h("input", { type: "file", name: "file", accept: ".csv,text/csv", required: true })),
    field("Date format", input("dateFormat", { placeholder: "e.g. dd/MM/yyyy (found by itself when left empty)" })),
    field("Category for rows without one", select("category", [["", "—"], ...CATEGORIES.map((c) => [c, label(c)])])),
    field("Preview only (nothing is recorded)", h("input", { type: "checkbox", name: "dryRun", checked: true })),
    h("button", { type: "submit" }, "Import"),
  ], async (body, element) => {
    const file = element.querySelector('[name="file"]').files[0];
    if (!file) throw new Problem(400, { detail: "Choose a file first.", errors: [{ field: "file", message: "Choose a CSV file." }] });
    const query = new URLSearchParams({ dryRun: String(body.dryRun) });
    if (body.dateFormat) query.set("dateFormat", body.dateFormat);
    if (body.category) query.set("category", body.category);
    // the file's own bytes: the service tells the seeker if they are not UTF-8, rather than the browser guessing
    return api("POST", `/api/me/imports?${query}`, file, { contentType: "text/csv" });
  }, (answer) => {
    importResult.replaceChildren(answer.importId
      ? h("p", {}, `Importing ${answer.total} rows (${answer.refused} refused). `, h("a", { href: "/board" }, "See them on the board"), " as they arrive.")
      : h("div", {}, h("p", {}, `${answer.total} rows: ${answer.wouldCreate} would be created, ${answer.alreadyImported} already imported, ${answer.refused} refused.`),
        h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, h("tr", {}, ["Line", "Outcome", "Target", "Title", "Sent", "Status", "Reason"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, answer.rows.slice(0, 50).map((r) => h("tr", {}, [r.line, label(r.outcome), r.target, r.title, r.sentOn, r.status ? label(r.status) : "", r.reason].map((v) => h("td", {}, v ?? "")))))))));
  });
  page("Reports",
    h("p", {}, "Each report is replayed from everything you recorded in its period."),
    h("ul", {}, periods.map(([text, period]) => h("li", {}, h("strong", {}, `${text} (${period}): `),
      h("a", { href: `/api/me/reports/${period}?format=html`, target: "_blank", rel: "noopener" }, "page"), " · ",
      h("a", { href: `/api/me/reports/${period}?format=csv`, download: `ghost-resume-${period}.csv` }, "spreadsheet"), " · ",
      h("a", { href: `/api/me/reports/${period}?format=png`, target: "_blank", rel: "noopener" }, "card to share")))),
    h("h2", {}, "Take everything out"),
    h("p", {}, h("a", { href: "/api/me/export", download: true }, "Download all your data (zip)")),
    h("h2", {}, "Bring in your spreadsheet"),
    upload, importResult);
}

// ---- start -------------------------------------------------------------------------------------------------------

loadSession().then(() => render()).catch(() => page("Unavailable", h("p", { role: "alert" }, "The app could not reach the server. Reload in a moment.")));
