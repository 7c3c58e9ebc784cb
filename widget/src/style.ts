/**
 * The widget's styles, scoped by its shadow root. The theme arrives as custom
 * properties set through the CSSOM (`--c` the app's colour, `--on` text on it), so the
 * text is the same for every app and never needs a `style-src` exception where
 * constructable stylesheets exist.
 */
export const css = `
:host{all:initial;position:fixed;z-index:2147483000;bottom:0;right:0}
.p,.l{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Hiragino Sans","Noto Sans JP",sans-serif;color:#1f2328;text-align:left}
:host([data-pos=left]){right:auto;left:0}
*{box-sizing:border-box}
[hidden]{display:none!important}
button{font:inherit;cursor:pointer}
:focus-visible{outline:3px solid var(--c);outline-offset:2px}
.l{position:fixed;bottom:20px;right:20px;width:56px;height:56px;border:0;border-radius:50%;background:var(--c);color:var(--on);box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center}
:host([data-pos=left]) .l{right:auto;left:20px}
.l svg{width:28px;height:28px;fill:currentColor}
.p{position:fixed;bottom:88px;right:20px;width:380px;height:min(600px,calc(100vh - 108px));display:flex;flex-direction:column;background:#fff;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.22);overflow:hidden}
:host([data-pos=left]) .p{right:auto;left:20px}
header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--c);color:var(--on)}
header img{width:32px;height:32px;border-radius:50%;object-fit:cover}
h2{flex:1;margin:0;font-size:16px;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
header button{background:none;border:1px solid currentColor;border-radius:6px;color:inherit;padding:3px 8px;font-size:13px}
header .x{border:0;font-size:22px;line-height:1;padding:2px 6px}
.g{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.m{max-width:88%;padding:8px 12px;border-radius:12px;background:#f0f2f5;overflow-wrap:anywhere;white-space:normal}
.m.v{align-self:flex-end;background:var(--c);color:var(--on);white-space:pre-wrap}
.m.o{background:#fff;border:2px solid var(--c)}
.m p,.m ul,.m ol{margin:0 0 6px}.m>:last-child{margin-bottom:0}
.m ul,.m ol{padding-left:20px}
.m a{color:#0b57d0}
.m code{font:13px ui-monospace,monospace;background:#e3e6ea;padding:0 3px;border-radius:4px}
.s{margin-top:6px;padding-top:6px;border-top:1px solid #d0d5db;font-size:13px;color:#4a5058}
.s ul{margin:2px 0 0;padding-left:18px}
.q{display:flex;flex-wrap:wrap;gap:6px;padding:0 12px 8px}
.q button{background:#fff;color:#1f2328;border:1px solid var(--c);border-radius:16px;padding:5px 11px;font-size:14px;text-align:left}
.n{margin:0 12px 8px;padding:8px 10px;border-radius:8px;background:#fdecea;color:#8a1c14;font-size:14px}
.n:empty{display:none}
form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #e3e6ea}
form.h{flex-wrap:wrap;background:#f7f8fa}
form.h label,form.h input{flex:1 1 100%;font-size:14px}
form.h input{font-size:16px}
input{flex:1;min-width:0;font:inherit;font-size:16px;padding:9px 11px;border:1px solid #8c939c;border-radius:8px;color:#1f2328;background:#fff}
form button{border:0;border-radius:8px;padding:8px 14px;background:var(--c);color:var(--on);font-weight:600}
form button.c{background:none;color:#1f2328;border:1px solid #8c939c}
button:disabled,input:disabled{opacity:.55;cursor:default}
footer{display:flex;justify-content:center;padding:0 12px 10px}
footer button{background:none;border:0;color:#0b57d0;text-decoration:underline;font-size:14px;padding:4px}
.r{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:640px){
.p{inset:0;width:auto;height:auto;height:100dvh;border-radius:0}
:host([data-open]) .l{display:none}
}
@media (prefers-reduced-motion:no-preference){.p{transition:opacity .15s}}
`;
