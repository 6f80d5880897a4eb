/** The chat's stylesheet, inlined into chat.html as a `<style>`. `--accent` is the shop's colour. */
export const chatCss = `
:root{--accent:#1f5f4a;--accent-soft:#e8f1ed;--ink:#1b1f1d;--muted:#5f6b66;--line:#e2e7e4;--surface:#f5f7f6;--danger:#b42318;--r:14px;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Noto Sans Arabic","Noto Sans Hebrew",sans-serif;
font-size:15px;line-height:1.45;color:var(--ink);-webkit-font-smoothing:antialiased}
*{box-sizing:border-box}
html,body,#app{margin:0;height:100%;background:#fff}
[hidden]{display:none!important}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.panel{display:flex;flex-direction:column;height:100%;min-width:0}
.head{display:flex;align-items:center;gap:10px;padding-block:12px;padding-inline:14px 12px;background:var(--accent);color:#fff}
.avatar{flex:none;width:38px;height:38px;border-radius:50%;background:rgba(255,255,255,.18);display:grid;place-items:center;font-weight:700;font-size:17px}
.who{flex:1;min-width:0}
.title{display:flex;flex-wrap:wrap;align-items:center;gap:2px 8px;min-width:0}
.who h1{min-width:0;font-size:16px;margin:0;font-weight:650;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.who-tag{flex:none;font-size:11.5px;font-weight:650;line-height:1;padding:3px 7px;border-radius:999px;border:1px solid rgba(255,255,255,.6);white-space:nowrap}
.who-tag.person{background:#fff;color:var(--ink)}
.sub{margin:0;font-size:12.5px;opacity:.88;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.cart-badge{flex:none;display:flex;align-items:center;gap:5px;background:rgba(255,255,255,.16);border-radius:999px;padding:5px 10px;font-weight:650;font-size:13px}
.action-card{margin-top:8px;border:1px solid var(--line,#d9dee3);border-radius:12px;padding:10px 12px;background:#fff}
.action-summary{margin:0 0 8px}
.action-buttons{display:flex;gap:8px}
.checkout{flex:none;color:inherit;font-weight:650;font-size:13px;text-decoration:none;border:1px solid rgba(255,255,255,.5);
border-radius:999px;padding:4px 10px}
.checkout:hover,.checkout:focus-visible{background:rgba(255,255,255,.16)}
.checkout[hidden]{display:none}
.cart-badge svg{width:17px;height:17px;fill:currentColor}
.icon-btn{flex:none;border:0;background:transparent;color:inherit;width:38px;height:38px;border-radius:10px;display:grid;place-items:center;cursor:pointer;padding:0}
.icon-btn svg{width:20px;height:20px;fill:currentColor}
.head .icon-btn:hover{background:rgba(255,255,255,.16)}
.head :focus-visible{outline-color:#fff}
.banner{background:#fff4e0;color:#7a4b00;font-size:13px;padding:6px 14px;text-align:center;border-bottom:1px solid #f1d9a6}
.scroll{flex:1;overflow-y:auto;padding:16px 14px 10px;background:var(--surface)}
.welcome{background:#fff;border:1px solid var(--line);border-radius:var(--r);padding:14px 16px;margin-bottom:4px}
.welcome p{margin:0;color:var(--muted)}.welcome .hello{font-weight:650;font-size:16px;margin-bottom:4px;color:var(--ink)}
.welcome .ai-note{color:var(--ink);background:var(--accent-soft);border-radius:8px;padding:6px 10px;margin-bottom:8px}
.messages{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
.msg{display:flex;flex-direction:column;align-items:flex-start;max-width:100%}
.bubble{max-width:86%;padding:9px 13px;border-radius:18px;background:#fff;border:1px solid var(--line);overflow-wrap:anywhere}
.msg-user{align-items:flex-end}
.msg-user .bubble{background:var(--accent);color:#fff;border-color:transparent;white-space:pre-wrap;border-end-end-radius:6px}
.msg-assistant .bubble,.msg-agent .bubble{border-end-start-radius:6px}
.msg-agent .bubble{background:#eef1fb;border-color:#dde3f6}
.msg-system{align-items:center}
.msg-system .bubble{background:transparent;border:0;color:var(--muted);font-size:13px;text-align:center;padding:2px 8px;white-space:pre-wrap}
.from{font-size:12px;color:var(--muted);margin:0 6px 3px}.from .author{font-weight:650}
.pending .bubble{opacity:.7}
.failed .bubble{border-color:#f1c4bf;background:#fff8f7}
.bubble p{margin:0 0 .55em}.bubble p:last-child{margin-bottom:0}
.bubble ul,.bubble ol{margin:.2em 0 .55em;padding-inline-start:1.3em}.bubble li+li{margin-top:.15em}
.bubble code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;background:rgba(0,0,0,.06);padding:1px 5px;border-radius:5px}
.bubble pre{white-space:pre-wrap;background:rgba(0,0,0,.05);padding:8px 10px;border-radius:8px;margin:.4em 0}
.bubble pre code{background:none;padding:0}
.bubble a{color:var(--accent);text-underline-offset:2px}
.caret{display:inline-block;width:7px;height:1em;vertical-align:-2px;background:currentColor;opacity:.45;margin-inline-start:2px;animation:blink 1s steps(2) infinite}
@keyframes blink{50%{opacity:0}}
.dots{display:inline-flex;gap:4px;align-items:center;height:1.2em}
.dots i{width:6px;height:6px;border-radius:50%;background:var(--muted);animation:bounce 1.2s infinite}
.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}
@keyframes bounce{0%,60%,100%{transform:none;opacity:.45}30%{transform:translateY(-3px);opacity:1}}
@media (prefers-reduced-motion:reduce){*{animation:none!important}}
.extras{display:contents}
.note{font-size:12.5px;color:var(--muted);margin:4px 6px 0}
.note.error{color:var(--danger)}
.typing{display:flex;gap:8px;align-items:center;color:var(--muted);font-size:13px;padding:10px 4px 0}
.chips{display:flex;flex-wrap:wrap;gap:6px;padding-top:12px}
.chips:empty{display:none}
.chip{border:1px solid color-mix(in srgb,var(--accent) 55%,#fff);background:#fff;color:var(--accent);border-radius:999px;padding:6px 13px;font:inherit;font-size:13.5px;font-weight:550;cursor:pointer}
.chip:hover{background:var(--accent-soft)}
.cards{display:flex;gap:10px;overflow-x:auto;padding:8px 2px 8px;margin-top:2px;align-self:stretch;scroll-snap-type:x proximity}
.card{flex:0 0 190px;scroll-snap-align:start;background:#fff;border:1px solid var(--line);border-radius:var(--r);overflow:hidden;display:flex;flex-direction:column;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.card-img{width:100%;aspect-ratio:4/3;object-fit:cover;display:block;background:#e9eeeb}
.placeholder{background:linear-gradient(135deg,#eef2f0,#dce4df)}
.card-body{padding:10px 12px 12px;display:flex;flex-direction:column;gap:6px;flex:1}
.vendor{margin:0;font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.card-title{margin:0;font-size:14.5px;font-weight:620;line-height:1.3}
.price{margin:0;display:flex;gap:6px;align-items:baseline;flex-wrap:wrap}
.price .now{font-weight:700}
.price .was{color:var(--muted);font-size:13px}
.opt{display:flex;flex-direction:column;gap:2px}
.opt label{font-size:12px;color:var(--muted)}
.select{font:inherit;font-size:13.5px;padding:6px 8px;border:1px solid var(--line);border-radius:9px;background:#fff;color:inherit;width:100%}
.btn{font:inherit;font-size:14px;font-weight:620;border:0;border-radius:10px;background:var(--accent);color:#fff;padding:8px 14px;cursor:pointer;display:inline-flex;align-items:center;justify-content:center;gap:6px}
.btn:hover{filter:brightness(1.12)}
.btn:disabled{background:#c8d0cc;cursor:default;filter:none}
.btn.ghost{background:transparent;color:var(--accent);border:1px solid var(--accent)}
.btn.small{padding:4px 12px;font-size:13px;margin:6px 6px 0}
.add{margin-top:auto}
.add.done:disabled{background:var(--accent-soft);color:var(--accent)}
.card-note{margin:0;font-size:12px;color:var(--accent)}
.card-note:empty{display:none}
.card-note.error{color:var(--danger)}
.csat{background:#fff;border:1px solid var(--line);border-radius:var(--r);padding:12px 14px;margin-top:12px;display:flex;flex-direction:column;gap:8px}
.csat fieldset{border:0;padding:0;margin:0}
.csat legend{font-weight:650;margin-bottom:4px;padding:0}
.stars{display:flex;gap:2px}
.star{position:relative;cursor:pointer;font-size:28px;color:#c8d0cc;line-height:1;padding:0 2px;border-radius:6px}
.star input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.star.on{color:#e0a100}
.star:has(input:focus-visible){outline:3px solid var(--accent);outline-offset:1px}
.csat .row{display:flex;gap:10px;align-items:center}
.csat .note{margin:0}
.thanks{margin:0;font-weight:620;color:var(--accent)}
.composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px 12px;border-top:1px solid var(--line);background:#fff}
.input{flex:1;font:inherit;resize:none;border:1px solid #cfd7d3;border-radius:12px;padding:9px 12px;max-height:132px;color:inherit;background:#fff;min-width:0}
.input:focus-visible{outline:2px solid var(--accent);outline-offset:0;border-color:var(--accent)}
.send{background:var(--accent);color:#fff;width:42px;height:42px;border-radius:12px}
.send:hover{filter:brightness(1.12)}
[dir=rtl] .send svg{transform:scaleX(-1)}
.stop{background:#fff;color:var(--ink);border:1px solid #cfd7d3;height:42px}
.stop svg{width:14px;height:14px;fill:currentColor}
@media (max-width:400px){.card{flex-basis:172px}.bubble{max-width:92%}}
`;
