//! Matching division names at the head of an address and resolving them to one division.

use crate::table::{Entry, Kind, Level, Table};

/// One matched division name.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub end: usize,
    pub level: Level,
    pub kind: Kind,
    pub cands: Vec<u32>,
    pub note: Option<u32>,
    pub text: String,
}

#[derive(Debug, Default)]
pub(crate) struct Resolution {
    pub hits: Vec<Hit>,
    /// Where the text below the matched divisions begins.
    pub rest: usize,
    /// Candidates for the deepest division found.
    pub cands: Vec<u32>,
    pub notes: Vec<String>,
}

/// 路, 东路, 二路, 12路, 大街 … right after a short name: 中山东路 is a road, not 中山市.
fn road_follows(chars: &[char], i: usize) -> bool {
    let mut j = i;
    if chars
        .get(j)
        .is_some_and(|c| matches!(c, '东' | '西' | '南' | '北' | '中'))
    {
        j += 1;
    }
    while chars
        .get(j)
        .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
    {
        j += 1;
    }
    match chars.get(j) {
        Some('路' | '街' | '巷' | '弄' | '道') => true,
        Some('大') => matches!(chars.get(j + 1), Some('道' | '街')),
        Some('公') => chars.get(j + 1) == Some(&'路'),
        _ => false,
    }
}

fn lookup(t: &Table, s: &str, offs: &[usize], pos: usize) -> Vec<(usize, Entry, String)> {
    let n = offs.len() - 1;
    let mut out = Vec::new();
    let max = t.max_len.min(n - pos);
    for len in (2..=max).rev() {
        let key = &s[offs[pos]..offs[pos + len]];
        if let Some(v) = t.names.get(key) {
            for e in v {
                out.push((len, *e, key.to_string()));
            }
        }
    }
    out
}

/// Does a candidate fit below what is already matched (with reform scopes for streets)?
fn fits(t: &Table, cur: &[u32], d: u32) -> bool {
    cur.iter().any(|&c| {
        t.is_ancestor(c, d)
            || (t.div(d).level == Level::Street
                && t.scope
                    .get(&c)
                    .is_some_and(|ex| ex.iter().any(|&x| t.is_ancestor(x, d))))
    })
}

pub(crate) fn resolve(t: &Table, chars: &[char], context: Option<u32>) -> Resolution {
    let s: String = chars.iter().collect();
    let mut offs = Vec::with_capacity(chars.len() + 1);
    let mut b = 0;
    for c in chars {
        offs.push(b);
        b += c.len_utf8();
    }
    offs.push(b);
    let n = chars.len();
    let mut res = Resolution::default();
    let mut cur: Vec<u32> = Vec::new();
    let mut cur_level: Option<Level> = None;
    let mut pos = 0;
    while pos < n {
        let found = lookup(t, &s, &offs, pos);
        let anchored = !cur.is_empty();
        let mut valid: Vec<(usize, Entry, String)> = Vec::new();
        for (len, e, key) in found {
            let d = t.div(e.div);
            if cur_level.is_some_and(|l| d.level <= l) {
                continue;
            }
            if matches!(e.kind, Kind::Short | Kind::Legacy) && road_follows(chars, pos + len) {
                continue;
            }
            // 共和新路1868号 is a road and number, not 共和新路街道
            if d.level == Level::Street
                && e.kind != Kind::Full
                && key.ends_with(['路', '街', '道', '巷'])
                && chars
                    .get(pos + len)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '号')
            {
                continue;
            }
            if anchored {
                if !fits(t, &cur, e.div) {
                    continue;
                }
            } else {
                let ok = match (d.level, e.kind) {
                    (_, Kind::Anchored) => false,
                    (Level::Province, _) => true,
                    (Level::City, _) => pos == 0 || e.kind != Kind::Short || len >= 2,
                    (Level::County, Kind::Short) => pos == 0 || len >= 3,
                    (Level::County, _) => pos == 0 || len >= 3,
                    (Level::Street, Kind::Full) => {
                        len >= 3
                            && (context.is_some_and(|c| t.is_ancestor(c, e.div))
                                || (pos == 0
                                    && t.names.get(&key).is_some_and(|v| {
                                        v.iter()
                                            .filter(|x| t.div(x.div).level == Level::Street)
                                            .count()
                                            == 1
                                    })))
                    }
                    (Level::Street, _) => false,
                };
                if !ok {
                    continue;
                }
            }
            valid.push((len, e, key));
        }
        if valid.is_empty() {
            if res.hits.is_empty() {
                if chars[pos].is_ascii_digit() {
                    break;
                }
                pos += 1;
                continue;
            }
            if matches!(chars[pos], ' ' | ',' | '，' | '、' | '-' | ':' | '：') {
                pos += 1;
                continue;
            }
            break;
        }
        // longest, then best kind, then shallowest level
        let best = valid
            .iter()
            .map(|(len, e, _)| (std::cmp::Reverse(*len), e.kind, t.div(e.div).level))
            .min()
            .expect("valid is not empty");
        let mut cands: Vec<u32> = Vec::new();
        let mut note = None;
        let mut text = String::new();
        for (len, e, key) in &valid {
            if (std::cmp::Reverse(*len), e.kind, t.div(e.div).level) == best
                && !cands.contains(&e.div)
            {
                cands.push(e.div);
                note = note.or(e.note);
                text.clone_from(key);
            }
        }
        let len = best.0.0;
        res.hits.push(Hit {
            end: pos + len,
            level: best.2,
            kind: best.1,
            cands: cands.clone(),
            note,
            text,
        });
        cur = cands;
        cur_level = Some(best.2);
        pos += len;
        if best.2 == Level::Street {
            break;
        }
    }
    res.rest = res.hits.last().map_or(0, |h| h.end);
    if res.hits.is_empty() {
        res.rest = 0;
    }
    // narrow earlier hits to ancestors of later ones
    for i in (0..res.hits.len().saturating_sub(1)).rev() {
        let next = res.hits[i + 1].cands.clone();
        res.hits[i]
            .cands
            .retain(|&c| next.iter().any(|&d| fits(t, &[c], d)));
    }
    let Some(last) = res.hits.last() else {
        return res;
    };
    let mut cands = last.cands.clone();
    if cands.len() > 1
        && let Some(ctx) = context
    {
        let inside: Vec<u32> = cands
            .iter()
            .copied()
            .filter(|&c| t.is_ancestor(ctx, c))
            .collect();
        if !inside.is_empty() && inside.len() < cands.len() {
            res.notes.push(format!(
                "“{}”有多处同名，按{}语境取本地",
                last.text,
                t.div(ctx).name
            ));
            cands = inside;
        }
    }
    for h in &res.hits {
        if let Some(nt) = h.note {
            res.notes
                .push(format!("“{}”为旧区划名：{}", h.text, t.notes[nt as usize]));
        } else if h.kind == Kind::Legacy {
            res.notes
                .push(format!("“{}”为旧称或别称，已按现行区划解析", h.text));
        }
    }
    res.cands = cands;
    res
}
