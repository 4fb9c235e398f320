// The one message table of the interface: Chinese first, English beside it. `t(key)` answers
// in the chosen language (stored in localStorage, default zh-CN); a missing key shows the key,
// so a gap is visible rather than silent.

const MESSAGES = {
  app_name: ['天平 · 平台经济监管', 'Tianping · platform-economy supervision'],
  lang_switch: ['English', '中文'],
  nav_cockpit: ['驾驶舱', 'Cockpit'],
  nav_alerts: ['线索与告警', 'Alerts'],
  nav_cases: ['案件', 'Cases'],
  nav_exchange: ['数据交换', 'Data exchange'],
  nav_evidence: ['存证', 'Evidence'],
  nav_admin: ['系统管理', 'Administration'],
  nav_main: ['主导航', 'Main navigation'],
  sign_out: ['退出', 'Sign out'],
  signin_title: ['登录', 'Sign in'],
  signin_login: ['用户名', 'User name'],
  signin_password: ['密码', 'Password'],
  signin_totp: ['动态验证码（6 位）', 'One-time code (6 digits)'],
  signin_submit: ['登录', 'Sign in'],
  signin_hint: ['需要密码和身份验证器应用中的动态验证码。', 'Password and the code from your authenticator app are required.'],
  loading: ['加载中…', 'Loading…'],
  error: ['出错', 'Error'],
  none: ['暂无数据', 'No data'],
  export_csv: ['导出 CSV', 'Export CSV'],
  export_xlsx: ['导出 Excel', 'Export Excel'],
  total: ['合计', 'Total'],
  count: ['数量', 'Count'],
  findings: ['线索', 'Findings'],
  alerts: ['告警', 'Alerts'],
  open_cases: ['在办案件', 'Open cases'],
  overdue_cases: ['超期案件', 'Overdue cases'],
  due_unknown: ['期限待定', 'Deadline unknown'],
  by_practice_severity: ['各类违法行为线索（按严重程度）', 'Findings by practice and severity'],
  trend_day: ['线索趋势（按日）', 'Findings by day'],
  trend_week: ['线索趋势（按周）', 'Findings by week'],
  district_map: ['各区县线索分布', 'Findings by district'],
  district_map_note: ['圆点位于区县中心，大小和颜色表示线索数量。', 'Dots sit at district centroids; size and colour show the number of findings.'],
  unknown_district: ['未知区县', 'Unknown district'],
  top_merchants: ['高风险经营者', 'High-risk merchants'],
  top_platforms: ['线索最多的平台', 'Platforms with most findings'],
  ingest_health: ['各平台数据报送情况', 'Ingest health per platform'],
  alerts_by_tier: ['告警处置方式', 'Alerts by disposal'],
  severity: ['严重程度', 'Severity'],
  practice: ['违法行为', 'Practice'],
  platform: ['平台', 'Platform'],
  merchant: ['经营者', 'Merchant'],
  summary: ['摘要', 'Summary'],
  score: ['评分', 'Score'],
  status: ['状态', 'Status'],
  tier: ['处置', 'Disposal'],
  supplier: ['报送方', 'Supplier'],
  batches: ['批次', 'Batches'],
  rejected: ['退回', 'Rejected'],
  accepted: ['接收行数', 'Rows accepted'],
  quarantined: ['隔离行数', 'Rows quarantined'],
  warnings: ['警告', 'Warnings'],
  last_received: ['最近报送', 'Last received'],
  sev_low: ['低', 'Low'],
  sev_medium: ['中', 'Medium'],
  sev_high: ['高', 'High'],
  sev_critical: ['严重', 'Critical'],
  filter_all: ['全部', 'All'],
  filter_apply: ['筛选', 'Filter'],
  open_finding: ['查看线索', 'Open finding'],
  finding: ['线索详情', 'Finding'],
  legal_basis: ['法律依据', 'Legal basis'],
  evidence_figures: ['证据数据', 'Evidence figures'],
  evidence_sha: ['证据摘要 (SHA-256)', 'Evidence digest (SHA-256)'],
  window: ['时间范围', 'Window'],
  subject: ['当事人', 'Subject'],
  related: ['关联方', 'Related parties'],
  price_history: ['价格走势（阴影为比较前七日窗口）', 'Price history (shaded: the 7-day window before the comparison)'],
  price_reference: ['划线价/原价', 'Reference price'],
  price_displayed: ['标示价', 'Displayed price'],
  price_transactions: ['成交价', 'Transaction prices'],
  yuan: ['元', 'CNY'],
  merchant_profile: ['主体画像', 'Merchant profile'],
  registry_facts: ['登记信息', 'Registry facts'],
  shops: ['各平台店铺', 'Shops on platforms'],
  relations: ['关联关系', 'Relations'],
  relations_note: ['同一法定代表人或同一登记地址的其他主体。', 'Other entities with the same legal representative or registered address.'],
  via_legal_rep: ['同一法定代表人', 'Same legal representative'],
  via_address: ['同一地址', 'Same address'],
  cases: ['案件', 'Cases'],
  file_clue: ['登记为线索（交办本部门）', 'File as a clue (to my department)'],
  file_reason: ['登记理由', 'Reason'],
  file_reason_default: ['驾驶舱高风险告警，转本部门核查', 'High-risk alert from the cockpit: assigned for verification'],
  filed: ['已登记', 'Filed'],
  case: ['案件详情', 'Case'],
  timeline: ['办理过程', 'Timeline'],
  deadline: ['期限', 'Deadline'],
  due_date: ['截止日期', 'Due date'],
  department: ['部门', 'Department'],
  region: ['地区', 'Region'],
  state: ['状态', 'State'],
  actor: ['办理人', 'Actor'],
  action: ['操作', 'Action'],
  reason: ['理由', 'Reason'],
  time: ['时间', 'Time'],
  export_bundle: ['导出卷宗（签名证据包）', 'Export case file (signed evidence bundle)'],
  exported: ['已导出', 'Exported'],
  queue: ['队列', 'Queue'],
  queue_open: ['在办', 'Open'],
  queue_overdue: ['超期', 'Overdue'],
  queue_all: ['全部', 'All'],
  quarantine: ['隔离行', 'Quarantined rows'],
  show_quarantine: ['查看隔离行', 'Show quarantine'],
  batch: ['批次', 'Batch'],
  received_at: ['接收时间', 'Received'],
  file: ['文件', 'File'],
  record: ['记录号', 'Record'],
  field: ['字段', 'Field'],
  value: ['值', 'Value'],
  rule: ['规则', 'Rule'],
  message: ['说明', 'Message'],
  signed_head: ['当前签名树头', 'Current signed tree head'],
  tree_size: ['条目数', 'Tree size'],
  root_hash: ['根哈希', 'Root hash'],
  key_id: ['公钥标识', 'Key id'],
  verify_title: ['核验证据包', 'Verify an evidence bundle'],
  verify_help: ['选择或拖入证据包 zip 文件；服务器只用本机公钥核验包内数据，不使用存储的副本。', 'Choose or drop a bundle zip; the server checks it with this installation\'s public key only, not against the stored copy.'],
  verify_choose: ['证据包文件', 'Bundle file'],
  verify_ok: ['全部校验通过', 'Every check passed'],
  verify_failed: ['校验失败', 'Verification failed'],
  entries_verified: ['已核验条目', 'Entries verified'],
  files_verified: ['已核验文件', 'Files verified'],
  users: ['账户', 'Accounts'],
  login_name: ['用户名', 'Login'],
  display_name: ['姓名', 'Name'],
  roles: ['角色', 'Roles'],
  audit_log: ['审计日志', 'Audit log'],
  forbidden_here: ['您的角色无权查看此内容。', 'Your roles may not see this.'],
  back: ['返回', 'Back'],
  id: ['编号', 'Id'],
  name: ['名称', 'Name'],
  address: ['地址', 'Address'],
  uscc: ['统一社会信用代码', 'USCC'],
};

const KEY = 'tianping.lang';

/** The current language: `zh` or `en`. */
export function lang() {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
}

/** Switches the language and reloads the current page. */
export function toggleLang() {
  localStorage.setItem(KEY, lang() === 'zh' ? 'en' : 'zh');
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
}

/** The message `key` in the current language. */
export function t(key) {
  const m = MESSAGES[key];
  if (!m) return key;
  return lang() === 'en' ? m[1] : m[0];
}

/** The label of a severity. */
export function sev(s) {
  return t(`sev_${s}`);
}

/** A bilingual API error body `{error:{message, message_en}}` in the current language. */
export function errorText(body, fallback) {
  const e = body && body.error;
  if (!e) return fallback;
  return lang() === 'en' ? e.message_en || e.message : e.message || e.message_en;
}
