// Prints SQL that adds N meeting and document records (half each) spread
// over last year and this year to today. `scripts/bench.sh dashboard` then
// rebuilds the counters with `cargo xtask counters-sql`.
const n = Number(process.argv[2] ?? 1000);
const today = new Date(Date.now() + 8 * 3600e3);
const year = today.getUTCFullYear();
const start = Date.UTC(year - 1, 0, 1);
let seed = 42;
const rand = (k) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
const day = () => new Date(start + rand(Math.floor((today - start) / 864e5)) * 864e5).toISOString().slice(0, 10);
const levels = ["county_government", "county_office", "informal_letter", "joint_department", "department"];
const out = [];
const chunk = (rows, head) => {
  for (let i = 0; i < rows.length; i += 500) out.push(`${head} VALUES ${rows.slice(i, i + 500).join(",")};`);
};
const meetings = [];
for (let i = 0; i < n / 2; i++) {
  const d = day();
  const cls = rand(2) ? "class1" : "class2";
  const body = cls === "class1" ? "executive_meeting" : "county_head";
  meetings.push(`('基准测试会议${i}',1,'${d}',60,'各部门','${cls}','${body}','${d}','纪要${i}','${d}T09:00:00+08:00')`);
}
chunk(meetings, "INSERT INTO meeting (title, organiser_department_id, date, duration_minutes, participants, class, approved_by, approval_date, approval_ref, registered_at)");
const docs = [];
for (let i = 0; i < n / 2; i++) {
  const d = day();
  const level = levels[rand(5)];
  docs.push(`('基准测试文件${i}','${level}','${level}','[1]',0,1,'work_arrangement',1000,'${d}T08:00:00+08:00','issued','${level}',${i + 1000},'${d}','bench')`);
}
chunk(docs, "INSERT INTO document_request (subject, proposed_level, suggested_level, drafting_departments, within_one_department, needs_government_authority, nature, length_chars, requested_at, state, issued_level, issued_seq, issued_on, last_change)");
console.log(out.join("\n"));
