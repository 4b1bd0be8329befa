// The chat page: deep-chat (from web/node_modules, served by bot/web.py) talking to
// Rasa's REST channel through the same-origin proxy at /webhooks/rest/webhook.
// Bot text and button titles are escaped here before they become HTML; user text is
// rendered by deep-chat's markdown renderer with HTML disabled. Notes: docs/WEB.md.
import "/node_modules/deep-chat/dist/deepChat.bundle.js";

const WEBHOOK = "/webhooks/rest/webhook";
const SENDER_KEY = "hp-assistant.sender";
const PLACEHOLDER = "Nhập câu hỏi…";
const MAX_CHARS = 1000; // the REST channel's default MAX_MESSAGE_CHARS

const COLORS = {
  text: "#1a1a1a",
  muted: "#4a5260",
  accent: "#0b5cad",
  accentSoft: "#e6effa",
  border: "#c4cad3",
  page: "#f4f6f8",
  focus: "#b35c00",
};

// One id per browser, kept in localStorage so Rasa keeps the conversation across reloads.
// crypto.getRandomValues works on plain http too (randomUUID needs a secure context).
function senderId() {
  let id = null;
  try {
    id = localStorage.getItem(SENDER_KEY);
  } catch {
    // storage blocked: a fresh id for this page load
  }
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    try {
      localStorage.setItem(SENDER_KEY, id);
    } catch {
      // not kept; the conversation starts anew on reload
    }
  }
  return id;
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// Answer text as escaped lines; a line naming the source ("Nguồn: …") is set apart.
function textHtml(text) {
  const lines = String(text).split("\n").map((line) => {
    const escaped = escapeHtml(line);
    return /^\s*Nguồn:/.test(line) ? `<span class="hp-source">${escaped}</span>` : escaped;
  });
  return `<p class="hp-text">${lines.join("\n")}</p>`;
}

function buttonsHtml(buttons) {
  const items = buttons
    .filter((b) => b && typeof b.title === "string")
    .map((b) => {
      const payload = typeof b.payload === "string" && b.payload ? b.payload : b.title;
      return `<button type="button" class="hp-button" data-payload="${escapeHtml(payload)}">${escapeHtml(b.title)}</button>`;
    });
  return items.length ? `<div class="hp-buttons" role="group" aria-label="Lựa chọn">${items.join("")}</div>` : "";
}

// Rasa's list of messages → deep-chat messages, one bubble per Rasa message.
export function toChatMessages(rasaMessages) {
  if (!Array.isArray(rasaMessages)) {
    return { error: "unexpected answer" };
  }
  const out = [];
  for (const m of rasaMessages) {
    const text = typeof m.text === "string" && m.text ? textHtml(m.text) : "";
    const buttons = Array.isArray(m.buttons) ? buttonsHtml(m.buttons) : "";
    if (text || buttons) {
      out.push({ html: `<div class="hp-message">${text}${buttons}</div>` });
    }
  }
  if (!out.length) {
    out.push({ html: textHtml("Xin lỗi, tôi chưa có câu trả lời cho câu này.") });
  }
  return out;
}

// Button clicks: the title is shown as the user's message, the payload is what Rasa gets.
let pendingPayload = null;

function onButtonClick(event) {
  const button = event.target && event.target.closest ? event.target.closest(".hp-button") : null;
  if (!button) return;
  pendingPayload = button.dataset.payload || button.textContent;
  chat.submitUserMessage({ text: button.textContent });
}

const STYLE = `
  .hp-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.45; }
  .hp-source { color: ${COLORS.muted}; font-style: italic; }
  .hp-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.6rem; }
  .hp-button {
    font: inherit; font-size: 0.95rem; min-height: 2.75rem; padding: 0.35rem 0.85rem;
    color: ${COLORS.accent}; background: #ffffff; border: 1px solid ${COLORS.accent};
    border-radius: 1.4rem; cursor: pointer; text-align: start;
  }
  .hp-button:hover { background: ${COLORS.accentSoft}; }
  .hp-button:focus-visible, #text-input:focus-visible, [role="button"]:focus-visible {
    outline: 3px solid ${COLORS.focus}; outline-offset: 2px;
  }
  #messages .text-message a { color: ${COLORS.accent}; }
  /* deep-chat places the send button for an 80%-wide input; ours is 94% wide. */
  #input .inside-end { inset-inline-end: calc(3% + 0.6em); inset-block-end: 1.05em; }
`;

const chat = document.getElementById("chat");
const sender = senderId();

Object.assign(chat, {
  connect: { url: WEBHOOK, method: "POST" },
  requestInterceptor: (details) => {
    const messages = (details.body && details.body.messages) || [];
    const last = messages[messages.length - 1] || {};
    const message = pendingPayload !== null ? pendingPayload : last.text || "";
    pendingPayload = null;
    return { ...details, body: { sender, message } };
  },
  responseInterceptor: (response) => toChatMessages(response),
  htmlClassUtilities: { "hp-button": { events: { click: onButtonClick } } },
  introMessage: {
    html: textHtml(
      "Xin chào! Tôi là trợ lý tự động của thành phố Hải Phòng. Hãy hỏi tôi về chỉ tiêu kinh tế - xã hội, " +
        "dự án trọng điểm, chính sách hay chính quyền 2 cấp. Gõ không dấu cũng được.",
    ),
  },
  errorMessages: {
    displayServiceErrorMessages: false,
    overrides: { default: "Xin lỗi, hiện chưa kết nối được tới trợ lý. Vui lòng thử lại sau ít phút." },
  },
  textInput: {
    characterLimit: MAX_CHARS,
    placeholder: { text: PLACEHOLDER, style: { color: COLORS.muted } },
    styles: {
      container: { width: "94%", border: `1px solid ${COLORS.border}`, borderRadius: "1.4rem",
        backgroundColor: "#ffffff", boxShadow: "none", marginTop: "0.5rem", marginBottom: "0.7rem" },
      text: { fontSize: "1rem", padding: "0.6rem 2.6rem 0.6rem 0.9rem", color: COLORS.text },
      focus: { border: `1px solid ${COLORS.accent}` },
    },
  },
  chatStyle: {
    width: "100%", height: "100%", border: "none", backgroundColor: COLORS.page,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif', fontSize: "1rem",
  },
  inputAreaStyle: { backgroundColor: COLORS.page, borderTop: `1px solid ${COLORS.border}` },
  messageStyles: {
    default: {
      shared: { bubble: { maxWidth: "88%", padding: "0.6rem 0.8rem", lineHeight: "1.45", fontSize: "1rem" } },
      user: { bubble: { backgroundColor: COLORS.accent, color: "#ffffff" } },
      ai: { bubble: { backgroundColor: "#ffffff", color: COLORS.text, border: `1px solid ${COLORS.border}` } },
    },
    html: {
      shared: { bubble: { maxWidth: "88%", padding: "0.6rem 0.8rem", fontSize: "1rem" } },
      ai: { bubble: { backgroundColor: "#ffffff", color: COLORS.text, border: `1px solid ${COLORS.border}` } },
    },
    error: { bubble: { backgroundColor: "#fdecea", color: "#8a1c12" } },
  },
  auxiliaryStyle: STYLE,
});

// deep-chat renders (and re-renders) its parts after properties change; re-apply the
// attributes below whenever its tree changes. Only child lists are watched, so setting
// attributes does not trigger the observer again.
new MutationObserver(improveAccessibility).observe(chat.shadowRoot, { childList: true, subtree: true });
improveAccessibility();

// deep-chat's input is a contenteditable div labelled by its placeholder; give it the
// textbox role, give the send button a name, and let screen readers hear new answers.
function improveAccessibility() {
  const root = chat.shadowRoot;
  const input = root.getElementById("text-input");
  if (input && input.getAttribute("role") !== "textbox") {
    input.setAttribute("role", "textbox");
    input.setAttribute("aria-label", PLACEHOLDER);
    input.setAttribute("lang", "vi");
  }
  const messages = root.getElementById("messages");
  if (messages && messages.getAttribute("role") !== "log") {
    messages.setAttribute("role", "log");
    messages.setAttribute("aria-live", "polite");
    messages.setAttribute("aria-label", "Tin nhắn");
  }
  for (const button of root.querySelectorAll(".input-button")) {
    if (!button.getAttribute("aria-label")) button.setAttribute("aria-label", "Gửi");
  }
}
