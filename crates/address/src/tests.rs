//! Behaviour tests: one group per case the parser must handle, key equality of variants, and
//! no-panic properties.

use super::*;

fn hz(s: &str) -> Address {
    Normalizer::hangzhou().parse(s)
}
fn nat(s: &str) -> Address {
    Normalizer::new().parse(s)
}

#[test]
fn reform_xiacheng_merged_into_gongshu() {
    let a = hz("杭州市下城区武林街道体育场路178号");
    assert_eq!(a.district.as_deref(), Some("拱墅区"));
    assert_eq!(a.adcode.as_deref(), Some("330105"));
    assert_eq!(a.street.as_deref(), Some("武林街道"));
    assert!(
        a.notes.iter().any(|n| n.contains("下城区")),
        "{:?}",
        a.notes
    );
    // without a township too
    let b = hz("杭州下城区延安路98号");
    assert_eq!(b.district.as_deref(), Some("拱墅区"));
    assert!(!b.ambiguous);
}

#[test]
fn reform_jianggan_resolved_by_street() {
    let a = hz("江干区凯旋街道凯旋路226号");
    assert_eq!(a.district.as_deref(), Some("上城区"));
    assert_eq!(a.street_code.as_deref(), Some("330102011"));
    let b = hz("杭州市江干区下沙街道6号大街452号");
    assert_eq!(b.district.as_deref(), Some("钱塘区"));
    assert_eq!(b.adcode.as_deref(), Some("330114"));
    assert!(!a.ambiguous && !b.ambiguous);
}

#[test]
fn reform_jianggan_without_street_is_ambiguous() {
    let a = hz("杭州市江干区新塘路19号");
    assert!(a.ambiguous);
    assert_eq!(a.district, None);
    assert_eq!(a.city.as_deref(), Some("杭州市"));
    assert_eq!(a.candidates.len(), 2);
    assert!(
        a.canonical_key().starts_with("?330102/330114|"),
        "{}",
        a.canonical_key()
    );
}

#[test]
fn reform_streets_moved_to_new_districts() {
    let a = hz("余杭区临平街道迎宾路366号");
    assert_eq!(a.district.as_deref(), Some("临平区"));
    let b = hz("萧山区义蓬街道义蓬路1号");
    assert_eq!(b.district.as_deref(), Some("钱塘区"));
    let c = hz("杭州市余杭区五常街道文一西路998号");
    assert_eq!(c.district.as_deref(), Some("余杭区"));
}

#[test]
fn renamed_divisions_from_change_list() {
    let a = nat("湖北省襄樊市小水街222号");
    assert_eq!(a.city.as_deref(), Some("襄阳市"));
    let b = nat("上海市闸北区共和新路1868号");
    assert_eq!(b.district.as_deref(), Some("静安区"));
    assert_eq!(b.road.as_deref(), Some("共和新路"));
    let c = nat("成都市新津县金华镇清云北路2号");
    assert_eq!(c.district.as_deref(), Some("新津区"));
    let d = hz("杭州市临安市锦城街道钱王街1号");
    assert_eq!(d.district.as_deref(), Some("临安区"));
}

#[test]
fn abbreviations() {
    let a = hz("浙江杭州西湖文三路90号");
    assert_eq!(a.province.as_deref(), Some("浙江省"));
    assert_eq!(a.city.as_deref(), Some("杭州市"));
    assert_eq!(a.district.as_deref(), Some("西湖区"));
    // a short name followed by a road suffix is the road
    let b = nat("中山东路198号");
    assert_eq!(b.city, None);
    assert_eq!(b.road.as_deref(), Some("中山东路"));
    let c = hz("西湖二路1号");
    assert_eq!(c.district, None);
}

#[test]
fn context_breaks_ties_only_with_context() {
    let a = hz("西湖区古墩路808号");
    assert_eq!(a.city.as_deref(), Some("杭州市"));
    assert!(!a.ambiguous);
    let b = nat("西湖区古墩路808号");
    assert!(b.ambiguous, "西湖区 alone is also 南昌市西湖区");
    assert_eq!(b.district.as_deref(), Some("西湖区"));
    assert_eq!(b.city, None);
}

#[test]
fn missing_levels_inferred_from_unique_child() {
    let a = nat("石首市笔架山办事处建设路");
    assert_eq!(a.province.as_deref(), Some("湖北省"));
    assert_eq!(a.city.as_deref(), Some("荆州市"));
    let b = hz("文新街道学院路77号");
    assert_eq!(b.district.as_deref(), Some("西湖区"));
    assert_eq!(b.city.as_deref(), Some("杭州市"));
    let c = nat("浙江省杭州市下沙20号大街600号");
    assert_eq!(c.district.as_deref(), Some("钱塘区"));
    let d = nat("河北区");
    assert_eq!(d.province.as_deref(), Some("天津市"));
}

#[test]
fn noise_is_removed() {
    let a = hz("收件人：王小明 13905712345 杭州市滨江区长河街道江南大道3888号");
    assert_eq!(a.district.as_deref(), Some("滨江区"));
    assert_eq!(a.road.as_deref(), Some("江南大道"));
    assert_eq!(a.number.as_deref(), Some("3888"));
    assert!(a.notes.iter().any(|n| n.contains("电话")));
    let b = hz("杭州某某网络科技有限公司浙江省杭州市拱墅区莫干山路1418号");
    assert_eq!(b.district.as_deref(), Some("拱墅区"));
    assert_eq!(b.number.as_deref(), Some("1418"));
    let c = hz("杭州市拱墅区湖墅南路88号杭州某某贸易有限公司");
    assert_eq!(c.poi, None);
    let d = hz("【顺丰】浙江省杭州市上城区解放路26号（金衙庄大厦）");
    assert_eq!(d.district.as_deref(), Some("上城区"));
    assert_eq!(d.number.as_deref(), Some("26"));
}

#[test]
fn numbers_full_width_and_chinese() {
    let a = hz("浙江省杭州市滨江区江陵路１９９号２幢５０１室");
    assert_eq!(a.number.as_deref(), Some("199"));
    assert_eq!(a.building.as_deref(), Some("2"));
    assert_eq!(a.room.as_deref(), Some("501"));
    let b = hz("杭州市上城区南山路十二号三幢二单元五〇一室");
    assert_eq!(b.number.as_deref(), Some("12"));
    assert_eq!(b.building.as_deref(), Some("3"));
    assert_eq!(b.unit.as_deref(), Some("2"));
    assert_eq!(b.room.as_deref(), Some("501"));
    let c = hz("杭州市西湖区古墩路1号3号楼501房");
    assert_eq!(c.building.as_deref(), Some("3"));
    assert_eq!(c.room.as_deref(), Some("501"));
}

#[test]
fn canonical_key_equal_for_variants() {
    let variants = [
        "杭州市西湖区文三路90号",
        "浙江杭州西湖文三路90号东部软件园",
        "浙江省杭州市西湖区文三路九十号",
        "杭州西湖区文三路９０号 13800000000",
        "西湖区文三路90号3幢501室",
    ];
    let keys: Vec<String> = variants.iter().map(|v| hz(v).canonical_key()).collect();
    assert_eq!(keys[0], "330106|文3路|90");
    for k in &keys {
        assert_eq!(k, &keys[0], "{keys:?}");
    }
    // 下城区 and 拱墅区 name the same place after the reform
    assert_eq!(
        hz("杭州市下城区延安路98号").canonical_key(),
        hz("杭州市拱墅区延安路98号").canonical_key()
    );
}

#[test]
fn canonical_key_differs_for_different_places() {
    let base = hz("杭州市西湖区文三路90号").canonical_key();
    for other in [
        "杭州市西湖区文三路91号",
        "杭州市西湖区文二路90号",
        "杭州市滨江区文三路90号",
        "南昌市西湖区文三路90号",
    ] {
        assert_ne!(hz(other).canonical_key(), base, "{other}");
    }
    let a = hz("西湖区文三路90号3幢501室");
    let b = hz("西湖区文三路90号3幢502室");
    assert_eq!(a.canonical_key(), b.canonical_key());
    assert_ne!(a.key(KeyLevel::Room), b.key(KeyLevel::Room));
    assert_eq!(a.key(KeyLevel::District), "330106");
}

#[test]
fn unanchored_short_names_do_not_match_inside_words() {
    // 北京西路 is a road in many cities; 桂林洋 is in 海口, not 桂林
    assert_eq!(nat("北京西路1465号国立大厦").province, None);
    let a = nat("海口桂林洋兴洋大道181号");
    assert_eq!(a.city.as_deref(), Some("海口市"));
}

#[test]
fn parse_uses_hangzhou_context() {
    assert_eq!(parse("西湖区古墩路808号").adcode.as_deref(), Some("330106"));
    assert!(Normalizer::with_context("330100").is_some());
    assert!(Normalizer::with_context("999999").is_none());
}

#[test]
fn serializes_to_json() {
    let v = serde_json::to_value(parse("杭州市西湖区文三路90号")).expect("serialize");
    assert_eq!(v["district"], "西湖区");
    assert_eq!(v["adcode"], "330106");
}

#[test]
fn empty_and_garbage() {
    assert_eq!(nat(""), Address::default());
    let a = nat("）（【】##--");
    assert_eq!(a.adcode, None);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]
        #[test]
        fn never_panics_on_any_string(s in "\\PC{0,80}") {
            let a = parse(&s);
            let _ = a.canonical_key();
            let _ = a.key(KeyLevel::Room);
        }

        #[test]
        fn never_panics_on_address_like_strings(
            s in "[浙江省杭州市西湖区下城江干余杭街道路号幢单元室楼层十二三五〇一0-9A-Z（）()收件人电话公司有限 ：,;/#-]{0,60}"
        ) {
            let a = Normalizer::new().parse(&s);
            let b = parse(&s);
            let _ = (a.canonical_key(), b.canonical_key());
        }

        #[test]
        fn key_ignores_appended_phone(n in 13000000000u64..19999999999u64) {
            let a = parse("杭州市西湖区文三路90号");
            let b = parse(&format!("杭州市西湖区文三路90号 {n}"));
            prop_assert_eq!(a.canonical_key(), b.canonical_key());
        }
    }
}

/// Road names that begin with (or contain) a character that is also a division or area suffix
/// (市/区/县/镇/乡/村/街/城/园): the character belongs to the road unless a name stands before it.
#[test]
fn roads_beginning_with_a_suffix_character() {
    let cases = [
        ("杭州市萧山区市心中路123号", "市心中路", "123"),
        ("萧山区市心北路88号", "市心北路", "88"),
        ("市心南路5号", "市心南路", "5"),
        ("杭州市上城区区府路5号", "区府路", "5"),
        ("杭州市萧山区城厢街道县前街12号", "县前街", "12"),
        ("宁波市镇海区镇海路10号", "镇海路", "10"),
        ("杭州市余杭区村口路8号", "村口路", "8"),
        ("杭州市西湖区乡村路1号", "乡村路", "1"),
        ("杭州市上城区市民街5号", "市民街", "5"),
        ("杭州市西湖区街心路7号", "街心路", "7"),
        ("杭州市萧山区区政府路1号", "区政府路", "1"),
        ("杭州市上城区城站路2号", "城站路", "2"),
        ("杭州市西湖区金城路358号", "金城路", "358"),
        ("杭州市拱墅区环城北路165号", "环城北路", "165"),
        ("杭州市上城区江城路889号", "江城路", "889"),
        ("杭州市西湖区花园路3号", "花园路", "3"),
        ("杭州市上城区中山公园路9号", "中山公园路", "9"),
        ("广州市天河区世纪城大道4号", "世纪城大道", "4"),
        ("杭州市西湖区新城东路6号", "新城东路", "6"),
        ("杭州市西湖区新城路6号", "新城路", "6"),
        ("杭州市西湖区新村路6号", "新村路", "6"),
    ];
    for (text, road, number) in cases {
        let a = hz(text);
        assert_eq!(a.road.as_deref(), Some(road), "{text}: {a:?}");
        assert_eq!(a.number.as_deref(), Some(number), "{text}: {a:?}");
        assert_eq!(a.poi, None, "{text}: {a:?}");
    }
}

/// A name before the suffix character still ends there: the road starts after it.
#[test]
fn area_names_before_a_road_are_cut() {
    let cases = [
        (
            "杭州市余杭区未来科技城文一西路969号",
            "文一西路",
            "未来科技城",
        ),
        (
            "常州市武进区湖塘纺织工业园青洋南路165号",
            "青洋南路",
            "纺织工业园",
        ),
        ("杭州市余杭区良渚新城古墩路1号", "古墩路", "新城"),
        ("某某县某某镇迎宾路3号", "迎宾路", "某某县某某镇"),
        ("杭州市西湖区留下村留下路5号", "留下路", "村"),
        ("杭州市萧山区某某街道市心北路8号", "市心北路", "某某街道"),
        ("杭州市萧山区某某市场东路8号", "某某市场东路", ""),
        // two area words in a row (工业园 + 园区, 开发 + 区): the road starts after both
        (
            "杭州市萧山区某某工业园区鸿宁路3号",
            "鸿宁路",
            "某某工业园区",
        ),
        (
            "杭州市富阳区某某新城区金桥北路9号",
            "金桥北路",
            "某某新城区",
        ),
        (
            "杭州市萧山区某某工业园区园区路2号",
            "园区路",
            "某某工业园区",
        ),
    ];
    for (text, road, poi) in cases {
        let a = hz(text);
        assert_eq!(a.road.as_deref(), Some(road), "{text}: {a:?}");
        let want = (!poi.is_empty()).then(|| poi.to_string());
        assert_eq!(a.poi, want, "{text}: {a:?}");
    }
}

/// Building letters and 座/幢/栋 after a house number, with or without 号, and the dashed
/// building-unit-room form.
#[test]
fn buildings_after_a_number() {
    struct Case {
        text: &'static str,
        road: &'static str,
        number: &'static str,
        building: Option<&'static str>,
        unit: Option<&'static str>,
        room: Option<&'static str>,
    }
    let c = |text, road, number, building, unit, room| Case {
        text,
        road,
        number,
        building,
        unit,
        room,
    };
    let cases = [
        c(
            "杭州市西湖区金城路358号B座",
            "金城路",
            "358",
            Some("B"),
            None,
            None,
        ),
        c(
            "萧山区金城路358号B幢501室",
            "金城路",
            "358",
            Some("B"),
            None,
            Some("501"),
        ),
        c("萧山区金城路358B座", "金城路", "358", Some("B"), None, None),
        c(
            "滨江区江南大道100号C栋1201",
            "江南大道",
            "100",
            Some("C"),
            None,
            Some("1201"),
        ),
        c(
            "西湖区文三路90号A1座",
            "文三路",
            "90",
            Some("A1"),
            None,
            None,
        ),
        c(
            "西湖区文三路90号3号楼",
            "文三路",
            "90",
            Some("3"),
            None,
            None,
        ),
        c("西湖区文三路90号东楼", "文三路", "90", None, None, None),
        c(
            "西湖区文三路90号3-2-501",
            "文三路",
            "90",
            Some("3"),
            Some("2"),
            Some("501"),
        ),
        c(
            "西湖区文三路90号3-501",
            "文三路",
            "90",
            Some("3"),
            None,
            Some("501"),
        ),
        c(
            "西湖区文三路90号3幢2单元501室",
            "文三路",
            "90",
            Some("3"),
            Some("2"),
            Some("501"),
        ),
        c(
            "西湖区文三路90号B座12楼",
            "文三路",
            "90",
            Some("B"),
            None,
            None,
        ),
        c("西湖区文三路90-1号", "文三路", "90-1", None, None, None),
        c("西湖区文三路90B号", "文三路", "90B", None, None, None),
        c(
            "西湖区文三路90号12-3-1502",
            "文三路",
            "90",
            Some("12"),
            Some("3"),
            Some("1502"),
        ),
    ];
    for k in cases {
        let a = hz(k.text);
        assert_eq!(a.road.as_deref(), Some(k.road), "{}: {a:?}", k.text);
        assert_eq!(a.number.as_deref(), Some(k.number), "{}: {a:?}", k.text);
        assert_eq!(a.building.as_deref(), k.building, "{}: {a:?}", k.text);
        assert_eq!(a.unit.as_deref(), k.unit, "{}: {a:?}", k.text);
        assert_eq!(a.room.as_deref(), k.room, "{}: {a:?}", k.text);
    }
    let a = hz("西湖区文三路90号B座12楼");
    assert_eq!(a.floor.as_deref(), Some("12"));
    // one plot whether or not the building is written
    assert_eq!(
        hz("杭州市西湖区金城路358号B座").canonical_key(),
        hz("杭州市西湖区金城路358号").canonical_key()
    );
}
