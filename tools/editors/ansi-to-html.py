#!/usr/bin/env python3
"""Turns a terminal capture (tmux capture-pane -e: text with SGR colour codes) into an HTML page
that shows it as the terminal did, for a headless browser to screenshot. Only SGR is handled
(colours, bold, underline, reverse), which is all capture-pane emits.
    ansi-to-html.py CAPTURE.ans TITLE > page.html
"""
import html
import re
import sys

BASIC = ['#000000', '#cd0000', '#00cd00', '#cdcd00', '#0000ee', '#cd00cd', '#00cdcd', '#e5e5e5',
         '#7f7f7f', '#ff0000', '#00ff00', '#ffff00', '#5c5cff', '#ff00ff', '#00ffff', '#ffffff']
FG, BG = '#d0d0d0', '#1c1c1c'


def colour256(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return '#%02x%02x%02x' % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    v = 8 + 10 * (n - 232)
    return '#%02x%02x%02x' % (v, v, v)


def render(text):
    state = {'fg': None, 'bg': None, 'bold': False, 'underline': False, 'reverse': False}
    out = []
    for part in re.split(r'(\x1b\[[0-9;]*m)', text):
        if part.startswith('\x1b['):
            codes = [int(c) if c else 0 for c in part[2:-1].split(';')]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    state.update(fg=None, bg=None, bold=False, underline=False, reverse=False)
                elif c == 1:
                    state['bold'] = True
                elif c == 22:
                    state['bold'] = False
                elif c == 4:
                    state['underline'] = True
                elif c == 24:
                    state['underline'] = False
                elif c == 7:
                    state['reverse'] = True
                elif c == 27:
                    state['reverse'] = False
                elif c in (38, 48) and i + 1 < len(codes):
                    key = 'fg' if c == 38 else 'bg'
                    if codes[i + 1] == 2 and i + 4 < len(codes):
                        state[key] = '#%02x%02x%02x' % tuple(codes[i + 2:i + 5])
                        i += 4
                    elif codes[i + 1] == 5 and i + 2 < len(codes):
                        state[key] = colour256(codes[i + 2])
                        i += 2
                elif c == 39:
                    state['fg'] = None
                elif c == 49:
                    state['bg'] = None
                elif 30 <= c <= 37:
                    state['fg'] = BASIC[c - 30]
                elif 90 <= c <= 97:
                    state['fg'] = BASIC[c - 90 + 8]
                elif 40 <= c <= 47:
                    state['bg'] = BASIC[c - 40]
                elif 100 <= c <= 107:
                    state['bg'] = BASIC[c - 100 + 8]
                i += 1
            continue
        if not part:
            continue
        fg, bg = state['fg'] or FG, state['bg'] or BG
        if state['reverse']:
            fg, bg = bg, fg
        style = 'color:%s;background:%s' % (fg, bg)
        if state['bold']:
            style += ';font-weight:bold'
        if state['underline']:
            style += ';text-decoration:underline'
        out.append('<span style="%s">%s</span>' % (style, html.escape(part)))
    return ''.join(out)


def main():
    capture, title = sys.argv[1], sys.argv[2]
    with open(capture, encoding='utf-8') as f:
        body = render(f.read().rstrip('\n'))
    print('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title><style>'
          'body{margin:0;background:%s}'
          '.cap{font:14px/1.25 "DejaVu Sans Mono",monospace;color:%s;margin:0;padding:8px 10px;white-space:pre}'
          '.t{font:12px sans-serif;color:#9a9a9a;background:#2b2b2b;padding:4px 10px}'
          '</style></head><body><div class="t">%s</div><pre class="cap">%s</pre></body></html>'
          % (html.escape(title), BG, FG, html.escape(title), body))


main()
