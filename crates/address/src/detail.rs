//! The part below the township: road, house number, building, unit, floor, room and the rest (POI).

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Detail {
    pub road: Option<String>,
    pub number: Option<String>,
    pub poi: Option<String>,
    pub building: Option<String>,
    pub unit: Option<String>,
    pub floor: Option<String>,
    pub room: Option<String>,
}

const ROAD_SUFFIX: &[&str] = &["大道", "大街", "胡同", "路", "街", "巷", "道"];
/// A road name does not reach back over these (园区、新城、村 … come before the road).
const ROAD_CUT: &[char] = &[
    '区', '镇', '乡', '村', '园', '城', '市', '县', ',', '，', '、', ' ',
];

fn at(chars: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(n, p)| chars.get(i + n) == Some(&p))
}

fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// House number starting at `i`: 甲52号, 183-187号, 345弄27号, 90号, 558弄, 43号院. Returns (text, end).
fn number_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    let mut j = i;
    let mut s = String::new();
    if let Some(&c) = chars.get(j)
        && matches!(c, '甲' | '乙' | '丙' | '丁')
    {
        s.push(c);
        j += 1;
    }
    let digits_start = j;
    while j < chars.len()
        && (chars[j].is_ascii_digit()
            || (chars[j] == '-'
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                && j > digits_start))
    {
        s.push(chars[j]);
        j += 1;
    }
    if j == digits_start {
        return None;
    }
    match chars.get(j) {
        Some('号') => {
            // 2号楼 is a building, not a house number
            if chars.get(j + 1) == Some(&'楼') {
                return None;
            }
            j += 1;
        }
        Some('弄') => {
            s.push('弄');
            j += 1;
            let k = j;
            let mut sub = String::new();
            while j < chars.len() && chars[j].is_ascii_digit() {
                sub.push(chars[j]);
                j += 1;
            }
            if !sub.is_empty() && chars.get(j) == Some(&'号') && chars.get(j + 1) != Some(&'楼') {
                s.push_str(&sub);
                j += 1;
            } else {
                j = k;
            }
        }
        Some('#') => j += 1,
        None => {}
        Some(c)
            if !is_alnum(*c)
                && !matches!(
                    c,
                    '幢' | '栋' | '楼' | '层' | '室' | '单' | '座' | '房' | 'F'
                ) => {}
        _ => return None,
    }
    Some((s, j))
}

/// Find the road and house number in `chars`; returns (road, number, road start, end of number).
fn road_and_number(chars: &[char]) -> Option<(String, Option<String>, usize, usize)> {
    let mut road_only: Option<(String, usize, usize)> = None;
    for i in 1..chars.len() {
        let Some(sfx) = ROAD_SUFFIX.iter().find(|s| at(chars, i, s)) else {
            continue;
        };
        // 街道 is a township word, 道路 is not a road name
        if *sfx == "街" && chars.get(i + 1) == Some(&'道') {
            continue;
        }
        let end = i + sfx.chars().count();
        let start = chars[..i]
            .iter()
            .rposition(|c| ROAD_CUT.contains(c))
            .map_or(0, |j| j + 1);
        if i - start < 1 || i - start > 14 {
            continue;
        }
        let road: String = chars[start..end].iter().collect();
        if let Some((num, nend)) = number_at(chars, end) {
            return Some((road, Some(num), start, nend));
        }
        let next = chars.get(end);
        if road_only.is_none()
            && next.is_none_or(|c| !matches!(c, '口' | '段' | '边' | '旁' | '与' | '和' | '交'))
        {
            road_only = Some((road, start, end));
        }
    }
    road_only.map(|(r, s, e)| (r, None, s, e))
}

fn alnum_run_back(chars: &[char], end: usize) -> usize {
    let mut s = end;
    while s > 0
        && (is_alnum(chars[s - 1]) || (chars[s - 1] == '-' && s >= 2 && is_alnum(chars[s - 2])))
    {
        s -= 1;
    }
    s
}

/// Building / unit / floor / room tokens in `tail`; returns the index where the first token starts.
fn units(chars: &[char], d: &mut Detail) -> usize {
    let mut first = chars.len();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut matched: Option<(usize, usize)> = None; // (token start, token end)
        let start = alnum_run_back(chars, i);
        if start < i {
            let val: String = chars[start..i].iter().collect();
            if at(chars, i, "号楼")
                || at(chars, i, "幢")
                || at(chars, i, "栋")
                || at(chars, i, "座")
                || at(chars, i, "号馆")
            {
                let len = if at(chars, i, "号楼") || at(chars, i, "号馆") {
                    2
                } else {
                    1
                };
                if d.building.is_none() {
                    d.building = Some(val);
                }
                matched = Some((start, i + len));
            } else if c == '#' {
                if d.building.is_none() {
                    d.building = Some(val);
                }
                matched = Some((start, i + 1));
            } else if at(chars, i, "单元") {
                d.unit.get_or_insert(val);
                matched = Some((start, i + 2));
            } else if at(chars, i, "号房") || c == '室' || c == '房' {
                d.room.get_or_insert(val);
                matched = Some((start, i + if at(chars, i, "号房") { 2 } else { 1 }));
            } else if matches!(c, '楼' | '层' | 'F') && !val.is_empty() {
                d.floor.get_or_insert(val);
                matched = Some((start, i + 1));
            }
        }
        if let Some((s, e)) = matched {
            first = first.min(s);
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
    // a trailing bare number after a building or POI is the room: 中田大厦305, 3幢2单元501
    if d.room.is_none() {
        let end = chars.len();
        let s = alnum_run_back(chars, end);
        let digits = chars[s..end].iter().filter(|c| c.is_ascii_digit()).count();
        if digits >= 3 && end - s <= 6 {
            d.room = Some(chars[s..end].iter().collect());
            first = first.min(s);
        }
    }
    first
}

fn trim(chars: &[char]) -> Option<String> {
    let s: String = chars
        .iter()
        .filter(|c| !matches!(c, ',' | '，' | '、' | ' ' | '.' | '。' | ':' | '：' | '-'))
        .collect();
    (!s.is_empty()).then_some(s)
}

/// Parse the text below the township level.
pub(crate) fn parse_detail(chars: &[char]) -> Detail {
    let mut d = Detail::default();
    let (tail_start, before) = match road_and_number(chars) {
        Some((road, number, rstart, end)) => {
            d.road = Some(road);
            d.number = number;
            (end, &chars[..rstart])
        }
        None => (0, &chars[..0]),
    };
    let tail = &chars[tail_start..];
    let first = units(tail, &mut d);
    let poi_after = trim(&tail[..first]);
    let poi_before = trim(before);
    d.poi = match (poi_before, poi_after) {
        (Some(a), Some(b)) => Some(format!("{a}{b}")),
        (a, b) => a.or(b),
    };
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Detail {
        parse_detail(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn road_number_poi() {
        let d = p("文三路90号东部软件园");
        assert_eq!(d.road.as_deref(), Some("文三路"));
        assert_eq!(d.number.as_deref(), Some("90"));
        assert_eq!(d.poi.as_deref(), Some("东部软件园"));
    }

    #[test]
    fn building_unit_room() {
        let d = p("古墩路12号3幢2单元501室");
        assert_eq!(d.number.as_deref(), Some("12"));
        assert_eq!(d.building.as_deref(), Some("3"));
        assert_eq!(d.unit.as_deref(), Some("2"));
        assert_eq!(d.room.as_deref(), Some("501"));
        let d = p("西溪路618号2号楼2楼");
        assert_eq!(d.building.as_deref(), Some("2"));
        assert_eq!(d.floor.as_deref(), Some("2"));
        assert_eq!(d.room, None);
        let d = p("玉古路173号中田大厦305");
        assert_eq!(d.poi.as_deref(), Some("中田大厦"));
        assert_eq!(d.room.as_deref(), Some("305"));
        let d = p("创新路1号501房");
        assert_eq!(d.room.as_deref(), Some("501"));
    }

    #[test]
    fn shanghai_lanes_and_prefixes() {
        let d = p("石龙路345弄27号易园C座601室");
        assert_eq!(d.road.as_deref(), Some("石龙路"));
        assert_eq!(d.number.as_deref(), Some("345弄27"));
        assert_eq!(d.building.as_deref(), Some("C"));
        assert_eq!(d.room.as_deref(), Some("601"));
        let d = p("湖塘纺织工业园青洋南路165号");
        assert_eq!(d.road.as_deref(), Some("青洋南路"));
        assert_eq!(d.poi.as_deref(), Some("湖塘纺织工业园"));
        let d = p("世纪大道");
        assert_eq!(d.road.as_deref(), Some("世纪大道"));
        assert_eq!(d.number, None);
    }
}
