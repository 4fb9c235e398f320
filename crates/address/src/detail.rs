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
/// A road name never reaches back over a separator.
const SEPARATORS: &[char] = &[',', '，', '、', ' '];
/// Characters that end an area or division name written before a road (XX村, XX工业园, XX新城,
/// XX镇) — but only when a name stands before them: 市心中路, 区府路, 县前街, 镇海路, 金城路 and
/// 花园路 are roads that begin with or contain one.
const AREA_END: &[char] = &['区', '镇', '乡', '村', '园', '城', '市', '县'];
/// Area words of two characters that end a name although only one character stands before the
/// suffix (东区, 小区 …), the second word of a doubled area word (工业园|区), and what a name the
/// resolver took as a township short form can leave behind (良渚|新城).
const SHORT_AREAS: &[&str] = &[
    "东区", "西区", "南区", "北区", "园区", "小区", "景区", "校区", "厂区", "城区", "社区", "新区",
    "新城", "新村",
];

/// A road's name is more than directions and ordinals (东路, 中路 and 二路 are parts of names).
fn names_a_road(name: &[char]) -> bool {
    name.iter()
        .any(|c| !"东西南北中一二三四五六七八九十0123456789".contains(*c))
}

/// Is `chars[j - 1..=j]` one of [`SHORT_AREAS`]?
fn short_area_at(chars: &[char], j: usize) -> bool {
    j > 0
        && SHORT_AREAS
            .iter()
            .any(|w| w.chars().eq(chars[j - 1..=j].iter().copied()))
}

/// Does the area-suffix character at `j` end a name that began at `seg`? `carried` characters of
/// the name stand before the text (a division short form the resolver took: 留下|村).
fn ends_area(chars: &[char], j: usize, seg: usize, carried: usize) -> bool {
    let c = chars[j];
    if !AREA_END.contains(&c) || (c == '市' && chars.get(j + 1) == Some(&'场')) {
        return false;
    }
    let before = j - seg + if seg == 0 { carried } else { 0 };
    before >= 2 || (before == 1 && short_area_at(chars, j))
}

/// Where a road name ending with the suffix at `i` may begin, latest first: after the last area
/// name (XX工业园), else after the one before it (so 中山公园路 keeps 公园), never before the last
/// separator.
fn road_starts(chars: &[char], i: usize, carried: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let mut seg = 0;
    let mut j = 0;
    while j < i {
        if SEPARATORS.contains(&chars[j]) {
            starts = vec![j + 1];
            seg = j + 1;
        } else if at(chars, j, "街道") && j + 2 <= i && j - seg >= 2 {
            // an unresolved township (XX街道) before the road
            starts.push(j + 2);
            seg = j + 2;
            j += 2;
            continue;
        } else if ends_area(chars, j, seg, carried) {
            starts.push(j + 1);
            seg = j + 1;
        } else if j == seg
            && starts.last() == Some(&j)
            && AREA_END.contains(&chars[j])
            && short_area_at(chars, j)
        {
            // a second area word right after the first (工业园|区, 新城|区): one name
            if let Some(last) = starts.last_mut() {
                *last = j + 1;
            }
            seg = j + 1;
        }
        j += 1;
    }
    starts.reverse();
    starts
}

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
    // letters after the digits: 358B号 is the number, 358B座 is number 358 and building B
    let letters = chars[j..]
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    if (1..=2).contains(&letters) {
        let after = j + letters;
        if chars.get(after) == Some(&'号') && chars.get(after + 1) != Some(&'楼') {
            s.extend(&chars[j..after]);
            return Some((s, after + 1));
        }
        if chars
            .get(after)
            .is_some_and(|c| matches!(c, '座' | '幢' | '栋'))
        {
            return Some((s, j));
        }
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
fn road_and_number(
    chars: &[char],
    carried: usize,
) -> Option<(String, Option<String>, usize, usize)> {
    let mut road_only: Option<(String, usize, usize)> = None;
    for i in 1..chars.len() {
        let Some(sfx) = ROAD_SUFFIX.iter().find(|s| at(chars, i, s)) else {
            continue;
        };
        // 街道 is a township word, 道路 is not a road name
        if (*sfx == "街" && chars.get(i + 1) == Some(&'道'))
            || (*sfx == "道" && chars[i - 1] == '街')
        {
            continue;
        }
        let end = i + sfx.chars().count();
        let Some(start) = road_starts(chars, i, carried)
            .into_iter()
            .find(|&s| names_a_road(&chars[s..i]))
        else {
            continue;
        };
        if i - start > 14 {
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

/// `3-2-501` → (3, Some(2), 501); `3-501` → (3, None, 501): digit groups with a room of ≥ 3 digits.
fn dashed_units(run: &[char]) -> Option<(String, Option<String>, String)> {
    let text: String = run.iter().collect();
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |p: &&str| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit());
    if !parts.iter().all(digits) || parts.last().is_none_or(|r| r.len() < 3) {
        return None;
    }
    match parts.as_slice() {
        [b, u, r] => Some((b.to_string(), Some(u.to_string()), r.to_string())),
        [b, r] => Some((b.to_string(), None, r.to_string())),
        _ => None,
    }
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
    // a trailing dashed triple or pair is building-unit-room or building-room: 3-2-501, 3-501
    if d.building.is_none() && d.room.is_none() {
        let end = chars.len();
        let s = alnum_run_back(chars, end);
        if let Some((b, u, r)) = dashed_units(&chars[s..end]) {
            d.building = Some(b);
            d.unit = u;
            d.room = Some(r);
            first = first.min(s);
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

/// Parse the text below the township level. `name_open` says the text continues a name the
/// resolver matched without its suffix (留下 + 村留下路): a leading area word then ends that name
/// rather than beginning a road.
pub(crate) fn parse_detail(chars: &[char], name_open: bool) -> Detail {
    let mut d = Detail::default();
    let carried = if name_open { 2 } else { 0 };
    let (tail_start, before) = match road_and_number(chars, carried) {
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
        parse_detail(&s.chars().collect::<Vec<_>>(), false)
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
