//! Text clean-up before parsing: width and variant folding, brackets, phone numbers, labels such as
//! 收件人, company names, and Chinese numerals before address suffixes.

/// Fold full-width ASCII, ideographic space, dashes and a few traditional characters.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '—' | '–' | '－' | '―' | '~' | '〜' | '～' => '-',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' | '\t' | '\r' | '\n' => ' ',
            '號' => '号',
            '區' => '区',
            '縣' => '县',
            '鎮' => '镇',
            '鄉' => '乡',
            '樓' => '楼',
            '層' => '层',
            '棟' => '栋',
            '門' => '门',
            '廣' => '广',
            '東' => '东',
            '龍' => '龙',
            '灣' => '湾',
            c => c,
        };
        let c = if c.is_ascii_lowercase() {
            c.to_ascii_uppercase()
        } else {
            c
        };
        out.push(c);
    }
    out
}

const OPEN: &[char] = &['(', '（', '【', '[', '〔', '{', '<', '《', '「', '『'];
const CLOSE: &[char] = &[')', '）', '】', ']', '〕', '}', '>', '》', '」', '』'];

/// Remove bracketed asides (（紧邻地铁站）, (215411)); an unclosed bracket loses only itself.
pub(crate) fn drop_brackets(chars: &[char]) -> (Vec<char>, bool) {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    let mut dropped = false;
    while i < chars.len() {
        let c = chars[i];
        if OPEN.contains(&c) {
            if let Some(j) = chars[i + 1..].iter().position(|x| CLOSE.contains(x)) {
                i += j + 2;
                dropped = true;
                continue;
            }
            i += 1;
            continue;
        }
        if CLOSE.contains(&c) {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    (out, dropped)
}

/// Is a run of digit groups (joined by '-', ' ' or '+') a phone number? Yes when it has ≥ 10
/// digits, a group of ≥ 7 (88886666), or ≥ 7 digits with a space, a '+' or a leading 0 (0571 8888
/// 666); dashed groups with fewer digits are building-unit-room (12-3-1502) or ranges (183-187).
fn is_phone(run: &[char]) -> bool {
    let digits = run.iter().filter(|c| c.is_ascii_digit()).count();
    let longest = run
        .split(|c| !c.is_ascii_digit())
        .map(<[char]>::len)
        .max()
        .unwrap_or(0);
    digits >= 10
        || longest >= 7
        || (digits >= 7
            && (run.iter().any(|c| matches!(c, ' ' | '+')) || run.first() == Some(&'0')))
}

/// Remove phone numbers (see [`is_phone`]); house numbers and dashed unit numbers stay.
pub(crate) fn drop_phones(chars: &[char]) -> (Vec<char>, bool) {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    let mut dropped = false;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let start = i;
            let mut digits = 0;
            let mut j = i;
            while j < chars.len() {
                let c = chars[j];
                if c.is_ascii_digit() {
                    digits += 1;
                } else if !((c == '-' || c == ' ' || c == '+')
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit))
                {
                    break;
                }
                j += 1;
            }
            if digits >= 7 && is_phone(&chars[start..j]) {
                dropped = true;
            } else {
                out.extend_from_slice(&chars[start..j]);
            }
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    (out, dropped)
}

const LABELS: &[&str] = &[
    "收件人",
    "收货人",
    "联系人",
    "寄件人",
    "姓名",
    "联系电话",
    "手机号码",
    "手机号",
    "手机",
    "电话",
    "详细地址",
    "收货地址",
    "注册地址",
    "经营地址",
    "办公地址",
    "地址",
    "邮编",
    "TEL",
];
const PERSON_LABELS: &[&str] = &["收件人", "收货人", "联系人", "寄件人", "姓名"];

fn starts_with(chars: &[char], at: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(n, p)| chars.get(at + n) == Some(&p))
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Remove labels (收件人：, 电话:) and a person's name after a person label when a separator follows.
pub(crate) fn drop_labels(chars: &[char]) -> (Vec<char>, bool) {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    let mut dropped = false;
    'outer: while i < chars.len() {
        for l in LABELS {
            if starts_with(chars, i, l) {
                let mut j = i + l.chars().count();
                while j < chars.len() && matches!(chars[j], ':' | '：' | ' ' | '是' | '为') {
                    j += 1;
                }
                if PERSON_LABELS.contains(l) {
                    let mut k = j;
                    while k < chars.len() && k - j < 4 && is_han(chars[k]) {
                        k += 1;
                    }
                    if k > j + 1 && (k == chars.len() || !is_han(chars[k])) {
                        j = k;
                    }
                }
                dropped = true;
                i = j;
                continue 'outer;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    (out, dropped)
}

const COMPANY: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "分公司",
    "公司",
    "集团",
    "工作室",
    "经营部",
    "商行",
    "事务所",
    "营业部",
    "门市部",
    "个体工商户",
];
/// Characters after which a company name may begin when it trails an address.
const TERMINATORS: &[char] = &[
    '号', '室', '楼', '层', '幢', '栋', '元', '弄', '路', '街', '巷', '道', '院', '#', '区', '县',
    '镇', '乡', '村', '园', '城', '座', 'F', ',', '，', ' ', '、',
];
/// Characters that show a text before a company name is an address, not part of the name.
const ADDRESS_MARKS: &[char] = &[
    '号', '室', '楼', '层', '幢', '栋', '弄', '路', '街', '巷', '院', '#',
];

/// Remove one company name: a leading one (name before the address) or a trailing one.
pub(crate) fn drop_company(chars: &[char]) -> (Vec<char>, bool) {
    let n = chars.len();
    for i in 0..n {
        let Some(sfx) = COMPANY.iter().find(|s| starts_with(chars, i, s)) else {
            continue;
        };
        let end = i + sfx.chars().count();
        let before = &chars[..i];
        let addressy = before
            .iter()
            .any(|c| ADDRESS_MARKS.contains(c) || c.is_ascii_digit());
        if !addressy {
            if end < n && n - end >= 4 && i >= 2 {
                return (chars[end..].to_vec(), true);
            }
            return (chars.to_vec(), false);
        }
        let start = before
            .iter()
            .rposition(|c| TERMINATORS.contains(c) || c.is_ascii_digit())
            .map_or(0, |j| j + 1);
        if i - start >= 2 {
            let mut out = chars[..start].to_vec();
            out.extend_from_slice(&chars[end..]);
            return (out, true);
        }
        return (chars.to_vec(), false);
    }
    (chars.to_vec(), false)
}

/// Keep the first of several addresses joined by ；/; or " /".
pub(crate) fn first_address(chars: &[char]) -> (Vec<char>, bool) {
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, ';' | '；' | '/' | '|') && i >= 4 {
            return (chars[..i].to_vec(), true);
        }
    }
    (chars.to_vec(), false)
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | 'Ｏ' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_cn_num(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '百' | '千')
}

/// Value of a well-formed Chinese numeral: 十二 → "12", 二十一 → "21", 五〇一 → "501".
/// Two bare digits without a unit (五四) are a name, not a number.
pub(crate) fn cn_number(run: &[char]) -> Option<String> {
    if run.is_empty() || run.len() > 8 {
        return None;
    }
    let has_unit = run.iter().any(|c| matches!(c, '十' | '百' | '千'));
    if !has_unit {
        if run.len() == 2 && !run.iter().any(|c| matches!(c, '零' | '〇')) {
            return None;
        }
        return run
            .iter()
            .map(|&c| cn_digit(c).and_then(|d| char::from_digit(d, 10)))
            .collect();
    }
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    let mut last_unit = 10_000;
    for &c in run {
        if let Some(d) = cn_digit(c) {
            if digit.is_some_and(|x| x != 0) {
                return None;
            }
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        total += digit.unwrap_or(1) * unit;
        digit = None;
    }
    total += digit.unwrap_or(0);
    Some(total.to_string())
}

const NUM_SUFFIX: &[&str] = &[
    "号", "幢", "栋", "单元", "室", "楼", "层", "弄", "座", "期", "组", "排", "区",
];
const ROAD_NUM_SUFFIX: &[&str] = &["路", "街", "巷", "大道", "大街"];

/// Replace Chinese numerals directly before an address suffix with digits (十二号 → 12号).
/// Road names keep their numerals here (文三路); [`road_key`] folds them for comparison.
pub(crate) fn numerals(chars: &[char]) -> Vec<char> {
    numerals_before(chars, NUM_SUFFIX)
}

/// A road name as compared in canonical keys: 科技南十二路 and 科技南12路 are one road.
pub(crate) fn road_key(road: &str) -> String {
    let chars: Vec<char> = road.chars().collect();
    numerals_before(&chars, ROAD_NUM_SUFFIX)
        .into_iter()
        .collect()
}

fn numerals_before(chars: &[char], suffixes: &[&str]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if is_cn_num(chars[i]) {
            let mut j = i;
            while j < chars.len() && is_cn_num(chars[j]) {
                j += 1;
            }
            // 第十二号 / 十二号
            let before_ok = i == 0 || !is_cn_num(chars[i - 1]);
            if before_ok
                && suffixes.iter().any(|s| starts_with(chars, j, s))
                && let Some(v) = cn_number(&chars[i..j])
            {
                out.extend(v.chars());
                i = j;
                continue;
            }
            out.extend_from_slice(&chars[i..j]);
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<char> {
        s.chars().collect()
    }
    fn s(c: &[char]) -> String {
        c.iter().collect()
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(cn_number(&v("十二")).as_deref(), Some("12"));
        assert_eq!(cn_number(&v("二十一")).as_deref(), Some("21"));
        assert_eq!(cn_number(&v("一百零五")).as_deref(), Some("105"));
        assert_eq!(cn_number(&v("五〇一")).as_deref(), Some("501"));
        assert_eq!(cn_number(&v("三")).as_deref(), Some("3"));
        assert_eq!(cn_number(&v("五四")), None);
        assert_eq!(cn_number(&v("十十")), None);
        assert_eq!(s(&numerals(&v("文三路九十号三幢"))), "文三路90号3幢");
        assert_eq!(road_key("文三路"), "文3路");
        assert_eq!(road_key("科技南十二路"), "科技南12路");
        assert_eq!(s(&numerals(&v("五四路"))), "五四路");
        assert_eq!(s(&numerals(&v("三林路"))), "三林路");
    }

    #[test]
    fn phones_and_labels() {
        let (c, d) = drop_phones(&v("文三路90号 13812345678"));
        assert!(d);
        assert_eq!(s(&c), "文三路90号 ");
        let (c, d) = drop_phones(&v("0571-88886666转文三路90号"));
        assert!(d);
        assert_eq!(s(&c), "转文三路90号");
        let (c, d) = drop_phones(&v("文三路90号501室"));
        assert!(!d);
        assert_eq!(s(&c), "文三路90号501室");
        for phone in [
            "138-1234-5678",
            "0571 8888 666",
            "057188886666",
            "+86 138 1234 5678",
        ] {
            assert!(is_phone(&v(phone)), "{phone}");
        }
        for not_phone in ["12-3-1502", "183-187", "345-27", "3-2-501"] {
            assert!(!is_phone(&v(not_phone)), "{not_phone}");
            let (c, d) = drop_phones(&v(not_phone));
            assert!(!d);
            assert_eq!(s(&c), not_phone);
        }
        let (c, _) = drop_labels(&v("收件人：张三 浙江省"));
        assert_eq!(s(&c), " 浙江省");
    }

    #[test]
    fn companies() {
        let (c, d) = drop_company(&v("杭州兆鼎科技有限公司浙江省杭州市"));
        assert!(d);
        assert_eq!(s(&c), "浙江省杭州市");
        let (c, d) = drop_company(&v("创业街108号杭州兆鼎科技实业有限公司"));
        assert!(d);
        assert_eq!(s(&c), "创业街108号");
        let (c, d) = drop_company(&v("文三路90号"));
        assert!(!d);
        assert_eq!(s(&c), "文三路90号");
    }

    #[test]
    fn folding() {
        assert_eq!(fold("１２３号Ａ座"), "123号A座");
        let (c, d) = drop_brackets(&v("沙太北路(同沙路)283号（近地铁）"));
        assert!(d);
        assert_eq!(s(&c), "沙太北路283号");
    }
}
