//! The demo county's catalogue: departments stationed in the Center, the
//! intermediaries beside them, and their matters with all nine disclosures.
//! Names, legal bases and limits follow real county catalogues; phone
//! numbers are fictitious.

use shared::admin::catalogue::{MaterialSpec, MatterContent};
use shared::admin::settings::{CountySettings, DocPrefixes, PublicSettings};
use shared::approvals::application::FormField;
use shared::approvals::matter::HandlingClass::{self, Commitment, Immediate, Joint, ReportUp};
use shared::approvals::matter::MaterialForm;

pub struct Dept {
    pub name: &'static str,
    pub staff: u32,
    pub phone: &'static str,
}

/// Ids are positions in this list, from 1.
pub const DEPARTMENTS: [Dept; 11] = [
    Dept { name: "县市场监督管理局", staff: 4, phone: "0000-6012301" },
    Dept { name: "县公安局", staff: 3, phone: "0000-6012302" },
    Dept { name: "县自然资源局", staff: 2, phone: "0000-6012303" },
    Dept { name: "县住房和城乡建设局", staff: 3, phone: "0000-6012304" },
    Dept { name: "县卫生健康委员会", staff: 2, phone: "0000-6012305" },
    Dept { name: "县交通运输局", staff: 2, phone: "0000-6012306" },
    Dept { name: "县人力资源和社会保障局", staff: 3, phone: "0000-6012307" },
    Dept { name: "县民政局", staff: 2, phone: "0000-6012308" },
    Dept { name: "市生态环境局本县分局", staff: 2, phone: "0000-6012309" },
    Dept { name: "县税务局", staff: 4, phone: "0000-6012310" },
    Dept { name: "县教育体育局", staff: 1, phone: "0000-6012311" },
];

/// (name, service, staff)
pub const INTERMEDIARIES: [(&str, &str, u32); 6] = [
    ("县诚信测绘有限公司", "工程测量、不动产测绘", 4),
    ("华信资产评估事务所", "资产评估、房地产估价", 3),
    ("县建筑设计院", "建筑工程设计、施工图编制", 5),
    ("众诚会计师事务所", "审计、验资、财务咨询", 3),
    ("县环境科学研究所", "环境影响评价文件编制", 2),
    ("便民图文代办服务部", "申请材料复印、代填代办", 2),
];

/// Townships and street offices: member units without a window, ids
/// after the departments'.
pub const TOWNSHIPS: [&str; 4] = ["城关镇人民政府", "河口镇人民政府", "青山乡人民政府", "东城街道办事处"];

/// The demo county's settings (the only place its name is written).
pub fn settings() -> CountySettings {
    CountySettings {
        public: PublicSettings {
            county_name: "示范县".into(),
            office_name: "示范县人民政府办公室".into(),
            centre_name: "示范县行政审批服务中心".into(),
            centre_address: "示范县城关镇人民路1号 政务服务大厅".into(),
            centre_hours: "法定工作日 上午 8:30–12:00，下午 14:30–17:30（北京时间）".into(),
            complaint_phone: "0000-6012345".into(),
            hotline_phone: "0000-6012000".into(),
            yellow_days: 2,
        },
        doc_prefixes: DocPrefixes {
            county_government: "示政发".into(),
            county_office: "示政办发".into(),
            informal_letter: "示政办函".into(),
            joint_department: "示部联发".into(),
            department: "示部发".into(),
        },
    }
}

pub const FREE: &str = "不收费";

pub struct Mat {
    pub name: &'static str,
    /// `original`, `copy` or `original_and_copy`
    pub form: &'static str,
    pub copies: u32,
    pub required: bool,
    pub note: &'static str,
}

pub struct MatterSpec {
    pub code: &'static str,
    pub department: usize,
    pub name: &'static str,
    pub class: HandlingClass,
    pub statutory_days: u32,
    pub committed_days: u32,
    pub fee: &'static str,
    pub fee_basis: &'static str,
    pub result: &'static str,
    pub legal_basis: &'static str,
    pub conditions: &'static str,
    pub materials: Vec<Mat>,
    pub procedure: Vec<String>,
}

const fn m(name: &'static str, form: &'static str, required: bool, note: &'static str) -> Mat {
    Mat { name, form, copies: 1, required, note }
}

fn application(name: &'static str) -> Mat {
    m(name, "original", true, "窗口免费领取，或在线填写后打印签字")
}

fn identity() -> Mat {
    m("申请人身份证", "original_and_copy", true, "原件核验后退还，复印件需申请人签字")
}

fn licence() -> Mat {
    m("营业执照", "copy", true, "加盖单位公章")
}

fn agent() -> Mat {
    m("授权委托书及代理人身份证", "original_and_copy", false, "委托他人办理时提交")
}

/// The steps of the procedure (办理流程) for a class of handling.
fn procedure(class: HandlingClass, site_visit: bool) -> Vec<String> {
    let mut steps = vec!["申请：网上提交或到中心窗口递交申请材料".to_string()];
    match class {
        Immediate => steps.extend(["受理：材料齐全、符合法定形式的当场受理", "办结：当场审核、当场办结并发放结果"].map(String::from)),
        Commitment => {
            steps.push("受理：材料齐全的出具承诺件通知书，写明办结期限；材料不全的一次性告知需补正的全部内容".into());
            steps.push(if site_visit { "审查：书面审查并组织现场核查" } else { "审查：对申请材料进行实质审查" }.into());
            steps.push("决定：在承诺时限内作出准予或不予许可的决定".into());
            steps.push("送达：窗口领取或邮寄送达办理结果".into());
        }
        Joint => steps.extend(
            [
                "受理：牵头部门统一受理，一次性告知",
                "联合审查：牵头部门组织协办部门同步审查、联合踏勘",
                "决定：牵头部门汇总各部门意见，在统一时限内办结",
                "送达：牵头部门窗口统一送达办理结果",
            ]
            .map(String::from),
        ),
        ReportUp => steps.extend(
            [
                "受理：县级窗口受理并出具回执",
                "初审：县级部门在承诺时限内完成初审并上报",
                "上报：报上级机关审批，全程跟踪审批进度",
                "送达：上级机关批复后由窗口通知申请人领取",
            ]
            .map(String::from),
        ),
        other => unreachable!("{other:?} is a disposition, not a matter's usual class"),
    }
    steps
}

struct Row {
    code: &'static str,
    department: usize,
    name: &'static str,
    class: HandlingClass,
    days: (u32, u32),
    fee: (&'static str, &'static str),
    result: &'static str,
    legal_basis: &'static str,
    conditions: &'static str,
    site_visit: bool,
    materials: Vec<Mat>,
}

const FREE_FEE: (&str, &str) = (FREE, "依法不收取费用");

// One matter a line: the catalogue reads as a table.
#[rustfmt::skip]
fn rows() -> Vec<Row> {
    vec![
        // 县市场监督管理局
        Row { code: "SC001", department: 1, name: "个体工商户设立登记", class: Immediate, days: (15, 0), fee: FREE_FEE, result: "营业执照", legal_basis: "《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》第十九条", conditions: "有经营能力的自然人；有固定经营场所；经营范围不属于禁止或限制类", site_visit: false, materials: vec![application("个体工商户登记（备案）申请书"), identity(), m("经营场所使用证明", "copy", true, "房屋产权证明或租赁合同"), agent()] },
        Row { code: "SC002", department: 1, name: "有限责任公司设立登记", class: Commitment, days: (15, 3), fee: FREE_FEE, result: "营业执照", legal_basis: "《中华人民共和国公司法》第二十九条；《中华人民共和国市场主体登记管理条例》第十九条", conditions: "股东符合法定人数；有符合公司章程规定的出资；有公司名称和住所；有公司章程", site_visit: false, materials: vec![application("公司登记（备案）申请书"), m("公司章程", "original", true, "全体股东签署"), m("股东主体资格证明", "copy", true, ""), m("法定代表人、董事、监事任职文件", "original", true, ""), m("住所使用证明", "copy", true, ""), agent()] },
        Row { code: "SC003", department: 1, name: "食品经营许可（新办）", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "食品经营许可证", legal_basis: "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》", conditions: "具有与经营的食品品种、数量相适应的经营场所和设施；有专职或兼职食品安全管理人员和保证食品安全的规章制度", site_visit: true, materials: vec![application("食品经营许可申请书"), licence(), m("经营场所平面图和设备布局图", "original", true, "标明功能分区"), m("食品安全管理制度文本", "original", true, ""), m("食品安全管理人员健康证明", "copy", true, "")] },
        Row { code: "SC004", department: 1, name: "食品小作坊登记", class: Commitment, days: (20, 7), fee: FREE_FEE, result: "食品小作坊登记证", legal_basis: "《中华人民共和国食品安全法》第三十六条；省食品生产加工小作坊和食品摊贩管理条例", conditions: "有固定生产场所，生产工艺简单，从业人员取得健康证明", site_visit: true, materials: vec![application("食品小作坊登记申请表"), identity(), m("生产场所使用证明", "copy", true, ""), m("从业人员健康证明", "copy", true, "")] },
        Row { code: "SC005", department: 1, name: "企业名称变更登记", class: Immediate, days: (15, 0), fee: FREE_FEE, result: "换发的营业执照", legal_basis: "《中华人民共和国市场主体登记管理条例》第二十四条；《企业名称登记管理规定》", conditions: "变更后的名称已通过自主申报且不与同行业已登记名称相同", site_visit: false, materials: vec![application("企业变更登记申请书"), m("股东会或董事会决议", "original", true, ""), m("营业执照正、副本", "original", true, "变更后收回换发"), agent()] },
        Row { code: "SC006", department: 1, name: "药品零售企业经营许可", class: Commitment, days: (30, 15), fee: FREE_FEE, result: "药品经营许可证", legal_basis: "《中华人民共和国药品管理法》第五十一条；《药品经营和使用质量监督管理办法》", conditions: "有依法经过资格认定的药师；有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；有保证药品质量的规章制度", site_visit: true, materials: vec![application("药品经营许可证申请表"), licence(), m("执业药师注册证", "original_and_copy", true, ""), m("营业场所、仓库平面布置图", "original", true, ""), m("质量管理文件目录", "original", true, "")] },
        // 县公安局
        Row { code: "GA001", department: 2, name: "居民身份证换领", class: Commitment, days: (60, 20), fee: ("20元", "《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》"), result: "居民身份证", legal_basis: "《中华人民共和国居民身份证法》第五条、第十一条", conditions: "居民身份证有效期满或登记项目变更的本县常住户口居民", site_visit: false, materials: vec![m("原居民身份证", "original", true, "现场采集人像、指纹"), m("居民户口簿", "original", true, "")] },
        Row { code: "GA002", department: 2, name: "户口迁入（投靠亲属）", class: Commitment, days: (20, 5), fee: FREE_FEE, result: "准予迁入证明、户口簿登记", legal_basis: "《中华人民共和国户口登记条例》第十三条；省户籍管理规定", conditions: "夫妻投靠、子女投靠父母、父母投靠子女等符合本县落户政策的情形", site_visit: false, materials: vec![application("户口迁移申请表"), m("申请人及被投靠人居民户口簿", "original", true, ""), m("亲属关系证明", "original_and_copy", true, "结婚证、出生医学证明等"), m("合法稳定住所证明", "copy", true, "")] },
        Row { code: "GA003", department: 2, name: "普通护照签发", class: Commitment, days: (7, 5), fee: ("120元", "《国家发展改革委 财政部关于调整护照、往来港澳通行证等收费标准的通知》"), result: "中华人民共和国普通护照", legal_basis: "《中华人民共和国护照法》第五条、第六条", conditions: "中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国", site_visit: false, materials: vec![application("中国公民出入境证件申请表"), m("居民身份证", "original", true, "现场采集照片和指纹")] },
        Row { code: "GA004", department: 2, name: "临时身份证明出具", class: Immediate, days: (0, 0), fee: FREE_FEE, result: "临时身份证明", legal_basis: "《中华人民共和国居民身份证法》第十二条", conditions: "居民身份证正在办理中或丢失补领期间，需临时证明身份的本县户籍居民", site_visit: false, materials: vec![m("居民户口簿", "original", true, ""), m("近期一寸免冠照片", "original", true, "2张")] },
        Row { code: "GA005", department: 2, name: "往来港澳通行证及签注签发", class: Commitment, days: (7, 5), fee: ("60元", "《国家发展改革委 财政部关于调整护照、往来港澳通行证等收费标准的通知》"), result: "往来港澳通行证及签注", legal_basis: "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》", conditions: "内地居民因私前往香港、澳门", site_visit: false, materials: vec![application("中国公民出入境证件申请表"), m("居民身份证", "original", true, "")] },
        // 县自然资源局
        Row { code: "ZR001", department: 3, name: "建设用地规划许可证核发", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "建设用地规划许可证", legal_basis: "《中华人民共和国城乡规划法》第三十七条、第三十八条", conditions: "建设项目已批准、核准或备案，用地符合国土空间规划", site_visit: true, materials: vec![application("建设用地规划许可申请表"), m("项目批准、核准或备案文件", "copy", true, ""), m("土地出让合同或划拨决定书", "copy", true, ""), m("宗地界址坐标及红线图", "original", true, "由具备资质的测绘机构出具")] },
        Row { code: "ZR002", department: 3, name: "乡村建设规划许可证核发", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "乡村建设规划许可证", legal_basis: "《中华人民共和国城乡规划法》第四十一条", conditions: "在乡、村庄规划区内进行乡镇企业、乡村公共设施和公益事业建设以及农村村民住宅建设", site_visit: true, materials: vec![application("乡村建设规划许可申请表"), identity(), m("村民委员会意见", "original", true, "加盖村委会公章"), m("建设工程设计方案或农房通用图", "original", true, "")] },
        Row { code: "ZR003", department: 3, name: "不动产首次登记", class: Commitment, days: (30, 5), fee: ("住宅80元/件，非住宅550元/件", "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》"), result: "不动产权证书", legal_basis: "《不动产登记暂行条例》第二十条；《不动产登记暂行条例实施细则》", conditions: "权属来源合法、界址清楚、面积准确", site_visit: true, materials: vec![application("不动产登记申请书"), identity(), m("土地权属来源证明", "copy", true, ""), m("不动产权籍调查成果", "original", true, "由具备资质的测绘机构出具"), m("建设工程竣工验收备案材料", "copy", true, "")] },
        Row { code: "ZR004", department: 3, name: "采矿权新立登记（县级初审）", class: ReportUp, days: (45, 20), fee: FREE_FEE, result: "采矿许可证（由上级自然资源部门颁发）", legal_basis: "《中华人民共和国矿产资源法》；《矿产资源开采登记管理办法》第五条", conditions: "已依法取得采矿权出让合同；矿产资源开发利用方案已通过评审", site_visit: true, materials: vec![application("采矿权申请登记书"), licence(), m("采矿权出让合同", "copy", true, ""), m("矿产资源开发利用方案及评审意见", "original", true, ""), m("矿区范围图", "original", true, "")] },
        Row { code: "ZR005", department: 3, name: "不动产登记资料查询", class: Immediate, days: (0, 0), fee: FREE_FEE, result: "不动产登记资料查询结果证明", legal_basis: "《不动产登记资料查询暂行办法》第十条", conditions: "不动产权利人、利害关系人依法查询", site_visit: false, materials: vec![application("不动产登记资料查询申请书"), identity()] },
        // 县住房和城乡建设局
        Row { code: "ZJ001", department: 4, name: "建筑工程施工许可证核发", class: Commitment, days: (15, 5), fee: FREE_FEE, result: "建筑工程施工许可证", legal_basis: "《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》", conditions: "已取得规划许可；有满足施工需要的施工图纸；已确定施工企业；有保证工程质量和安全的具体措施", site_visit: false, materials: vec![application("建筑工程施工许可证申请表"), m("建设工程规划许可证", "copy", true, ""), m("中标通知书或直接发包批准文件", "copy", true, ""), m("施工图设计文件审查合格书", "copy", true, "")] },
        Row { code: "ZJ002", department: 4, name: "商品房预售许可", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "商品房预售许可证", legal_basis: "《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》", conditions: "已交付全部土地使用权出让金；投入开发建设的资金达到工程建设总投资的25%以上，并已确定施工进度和竣工交付日期", site_visit: true, materials: vec![application("商品房预售许可申请表"), licence(), m("土地使用权证书", "copy", true, ""), m("建设工程规划许可证和施工许可证", "copy", true, ""), m("工程施工进度计划", "original", true, ""), m("商品房预售方案", "original", true, "")] },
        Row { code: "ZJ003", department: 4, name: "建设工程消防设计审查", class: Commitment, days: (15, 10), fee: FREE_FEE, result: "建设工程消防设计审查意见书", legal_basis: "《中华人民共和国消防法》第十一条；《建设工程消防设计审查验收管理暂行规定》", conditions: "属于特殊建设工程的，建设单位在开工前申请消防设计审查", site_visit: false, materials: vec![application("特殊建设工程消防设计审查申请表"), m("消防设计文件", "original", true, ""), m("依法需要批准的临时性建筑批准文件", "copy", false, "")] },
        Row { code: "ZJ004", department: 4, name: "城镇污水排入排水管网许可", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "城镇污水排入排水管网许可证", legal_basis: "《城镇排水与污水处理条例》第二十一条", conditions: "从事工业、建筑、餐饮、医疗等活动的排水户向城镇排水设施排放污水", site_visit: true, materials: vec![application("排水许可申请表"), licence(), m("排水户内部排水管网、专用检测井平面图", "original", true, ""), m("水质检测报告", "original", true, "由有资质的检测机构出具")] },
        Row { code: "ZJ005", department: 4, name: "建筑业企业资质（施工总承包三级）", class: ReportUp, days: (20, 15), fee: FREE_FEE, result: "建筑业企业资质证书（由上级住建部门颁发）", legal_basis: "《中华人民共和国建筑法》第十三条；《建筑业企业资质管理规定》", conditions: "企业净资产、技术负责人、注册建造师和技术工人数量达到资质标准", site_visit: false, materials: vec![application("建筑业企业资质申请表"), licence(), m("技术负责人及注册人员证书", "copy", true, ""), m("企业净资产证明", "copy", true, "")] },
        Row { code: "ZJ006", department: 4, name: "建设工程竣工联合验收", class: Joint, days: (15, 10), fee: FREE_FEE, result: "竣工联合验收意见书", legal_basis: "《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》；《建设工程质量管理条例》第十六条", conditions: "工程已按设计和合同完成；由住建局牵头，自然资源局（规划核实）、消防审验部门、人防部门协办", site_visit: true, materials: vec![application("竣工联合验收申请表"), m("工程竣工验收报告", "original", true, ""), m("规划核实测量成果", "original", true, ""), m("消防验收资料", "original", true, "")] },
        // 县卫生健康委员会
        Row { code: "WJ001", department: 5, name: "医疗机构执业登记", class: Commitment, days: (45, 20), fee: FREE_FEE, result: "医疗机构执业许可证", legal_basis: "《医疗机构管理条例》第十五条、第十六条", conditions: "按照设置许可建成，有相应的医务人员、设备和规章制度", site_visit: true, materials: vec![application("医疗机构申请执业登记注册书"), m("房屋产权证明或使用证明", "copy", true, ""), m("医务人员执业证书", "copy", true, ""), m("规章制度及人员岗位职责", "original", true, "")] },
        Row { code: "WJ002", department: 5, name: "公共场所卫生许可", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "公共场所卫生许可证", legal_basis: "《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》", conditions: "宾馆、美容美发、游泳场所等公共场所符合卫生标准", site_visit: true, materials: vec![application("公共场所卫生许可申请表"), licence(), m("卫生检测报告", "original", true, ""), m("从业人员健康合格证明", "copy", true, "")] },
        Row { code: "WJ003", department: 5, name: "护士执业注册", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "护士执业证书", legal_basis: "《护士条例》第七条、第八条", conditions: "取得护士执业资格考试合格证明，身体健康，受聘于医疗卫生机构", site_visit: false, materials: vec![application("护士执业注册申请审核表"), identity(), m("学历证书及专业学习中的临床实习证明", "copy", true, ""), m("护士执业资格考试成绩合格证明", "copy", true, ""), m("健康体检证明", "original", true, "近6个月内")] },
        Row { code: "WJ004", department: 5, name: "出生医学证明补发", class: Commitment, days: (20, 5), fee: FREE_FEE, result: "出生医学证明", legal_basis: "《中华人民共和国母婴保健法》第二十三条", conditions: "在本县医疗保健机构出生，原证明遗失", site_visit: false, materials: vec![application("出生医学证明补发申请表"), m("父母身份证", "original_and_copy", true, ""), m("出生时的住院病历", "copy", true, "")] },
        // 县交通运输局
        Row { code: "JT001", department: 6, name: "道路货物运输经营许可", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "道路运输经营许可证", legal_basis: "《中华人民共和国道路运输条例》第二十四条", conditions: "有与经营业务相适应并经检测合格的车辆；有符合条件的驾驶人员；有健全的安全生产管理制度", site_visit: false, materials: vec![application("道路货物运输经营申请表"), identity(), m("车辆行驶证", "copy", true, ""), m("驾驶人员从业资格证", "copy", true, ""), m("安全生产管理制度文本", "original", true, "")] },
        Row { code: "JT002", department: 6, name: "出租汽车驾驶员从业资格注册", class: Immediate, days: (20, 0), fee: FREE_FEE, result: "从业资格证注册", legal_basis: "《出租汽车驾驶员从业资格管理规定》第二十四条", conditions: "已取得出租汽车驾驶员从业资格证并与出租汽车经营者签订劳动合同", site_visit: false, materials: vec![application("出租汽车驾驶员从业资格注册申请表"), identity(), m("劳动合同", "copy", true, "")] },
        Row { code: "JT003", department: 6, name: "公路超限运输许可", class: Commitment, days: (5, 2), fee: FREE_FEE, result: "超限运输车辆通行证", legal_basis: "《公路安全保护条例》第三十五条；《超限运输车辆行驶公路管理规定》", conditions: "载运不可解体物品，车货总体的外廓尺寸或总质量超过限定标准", site_visit: false, materials: vec![application("超限运输申请表"), m("车辆行驶证", "copy", true, ""), m("货物说明及运输方案", "original", true, "")] },
        Row { code: "JT004", department: 6, name: "涉路施工许可", class: Joint, days: (20, 15), fee: FREE_FEE, result: "涉路施工许可决定书", legal_basis: "《中华人民共和国公路法》第四十四条、第四十五条；《路政管理规定》", conditions: "占用、挖掘公路或跨越、穿越公路修建设施；交通运输局牵头，公安交警部门协办", site_visit: true, materials: vec![application("涉路施工许可申请书"), m("设计和施工方案", "original", true, ""), m("保障公路、公路附属设施质量和安全的技术评价报告", "original", true, ""), m("交通安全保障措施", "original", true, "")] },
        // 县人力资源和社会保障局
        Row { code: "RS001", department: 7, name: "失业保险金申领", class: Commitment, days: (20, 5), fee: FREE_FEE, result: "失业保险待遇核定", legal_basis: "《中华人民共和国社会保险法》第四十五条；《失业保险条例》", conditions: "失业前缴纳失业保险费满一年，非因本人意愿中断就业，已进行失业登记并有求职要求", site_visit: false, materials: vec![identity(), m("解除或终止劳动关系证明", "copy", true, ""), m("本人银行账户信息", "copy", false, "社会保障卡已激活金融功能的可不提交")] },
        Row { code: "RS002", department: 7, name: "社会保障卡补换", class: Immediate, days: (0, 0), fee: FREE_FEE, result: "社会保障卡", legal_basis: "《社会保障卡管理办法》", conditions: "社会保障卡遗失、损坏或信息变更", site_visit: false, materials: vec![identity()] },
        Row { code: "RS003", department: 7, name: "人力资源服务许可", class: Commitment, days: (20, 10), fee: FREE_FEE, result: "人力资源服务许可证", legal_basis: "《人力资源市场暂行条例》第十八条", conditions: "有明确的章程和管理制度；有开展业务必备的固定场所、办公设施和5名以上专职工作人员", site_visit: true, materials: vec![application("人力资源服务许可申请表"), licence(), m("专职工作人员名单及身份证明", "copy", true, ""), m("服务场所使用证明", "copy", true, ""), m("管理制度文本", "original", true, "")] },
        Row { code: "RS004", department: 7, name: "劳务派遣经营许可（县级初审）", class: ReportUp, days: (20, 15), fee: FREE_FEE, result: "劳务派遣经营许可证（由上级人社部门颁发）", legal_basis: "《中华人民共和国劳动合同法》第五十七条；《劳务派遣行政许可实施办法》", conditions: "注册资本不少于人民币200万元；有与开展业务相适应的固定经营场所和设施", site_visit: true, materials: vec![application("劳务派遣经营许可申请书"), licence(), m("验资报告", "original", true, ""), m("劳务派遣管理制度", "original", true, "")] },
        // 县民政局
        Row { code: "MZ001", department: 8, name: "内地居民婚姻登记", class: Immediate, days: (0, 0), fee: FREE_FEE, result: "结婚证", legal_basis: "《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条、第五条", conditions: "男女双方完全自愿，达到法定婚龄，均无配偶，非直系血亲和三代以内旁系血亲", site_visit: false, materials: vec![m("双方居民身份证", "original", true, ""), m("双方近期半身免冠合影照片", "original", true, "2张"), m("本人无配偶以及与对方无直系血亲和三代以内旁系血亲关系的签字声明", "original", true, "现场签署")] },
        Row { code: "MZ002", department: 8, name: "社会团体成立登记", class: Commitment, days: (60, 20), fee: FREE_FEE, result: "社会团体法人登记证书", legal_basis: "《社会团体登记管理条例》第十一条、第十二条", conditions: "有50个以上个人会员或30个以上单位会员；有规范的名称和相应的组织机构；有固定住所和合法资产", site_visit: false, materials: vec![application("社会团体法人登记申请表"), m("章程草案", "original", true, ""), m("业务主管单位批准文件", "copy", true, ""), m("验资报告", "original", true, ""), m("住所使用证明", "copy", true, "")] },
        Row { code: "MZ003", department: 8, name: "最低生活保障审核确认", class: Commitment, days: (30, 20), fee: FREE_FEE, result: "低保审核确认决定", legal_basis: "《社会救助暂行办法》第十一条；《最低生活保障审核确认办法》", conditions: "共同生活的家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定", site_visit: true, materials: vec![application("最低生活保障申请书"), m("家庭成员身份证和户口簿", "copy", true, ""), m("家庭经济状况核对授权书", "original", true, "全体家庭成员签字")] },
        Row { code: "MZ004", department: 8, name: "养老机构备案", class: Immediate, days: (0, 0), fee: FREE_FEE, result: "养老机构备案回执", legal_basis: "《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》第九条", conditions: "已依法办理法人登记的养老机构", site_visit: false, materials: vec![application("养老机构备案书"), m("养老机构登记证书", "copy", true, ""), m("养老机构服务安全和质量承诺书", "original", true, "")] },
        // 市生态环境局本县分局
        Row { code: "HB001", department: 9, name: "建设项目环境影响报告表审批", class: Commitment, days: (30, 15), fee: FREE_FEE, result: "环境影响报告表批复", legal_basis: "《中华人民共和国环境影响评价法》第二十二条", conditions: "建设项目符合生态环境分区管控要求，环评文件由符合条件的单位编制", site_visit: true, materials: vec![application("建设项目环境影响评价文件审批申请书"), m("环境影响报告表", "original", true, "全本及删除涉密内容的公开版本"), m("编制单位和编制人员情况表", "original", true, "")] },
        Row { code: "HB002", department: 9, name: "排污许可证核发（县级初审）", class: ReportUp, days: (20, 15), fee: FREE_FEE, result: "排污许可证（由市生态环境局核发）", legal_basis: "《排污许可管理条例》第八条、第十四条", conditions: "纳入排污许可重点管理或简化管理的排污单位", site_visit: true, materials: vec![application("排污许可证申请表"), licence(), m("自行监测方案", "original", true, ""), m("环境影响评价批复", "copy", true, "")] },
        Row { code: "HB003", department: 9, name: "建设项目环境影响登记表备案", class: Immediate, days: (0, 0), fee: FREE_FEE, result: "备案回执", legal_basis: "《中华人民共和国环境影响评价法》第二十二条；《建设项目环境影响登记表备案管理办法》", conditions: "对环境影响很小、应当填报环境影响登记表的建设项目", site_visit: false, materials: vec![application("建设项目环境影响登记表")] },
        // 县税务局
        Row { code: "SW001", department: 10, name: "发票领用", class: Immediate, days: (0, 0), fee: FREE_FEE, result: "发票", legal_basis: "《中华人民共和国发票管理办法》第十五条", conditions: "已办理涉税信息确认的纳税人", site_visit: false, materials: vec![m("经办人身份证件", "original", true, "")] },
        Row { code: "SW002", department: 10, name: "清税证明开具（注销税务登记）", class: Commitment, days: (20, 5), fee: FREE_FEE, result: "清税证明", legal_basis: "《中华人民共和国税收征收管理法》第十六条；《中华人民共和国税收征收管理法实施细则》第十五条", conditions: "已结清应纳税款、滞纳金、罚款，已缴销发票", site_visit: false, materials: vec![application("注销税务登记申请表"), m("经办人身份证件", "original", true, ""), m("上级主管部门批复或股东会决议", "copy", false, "")] },
        Row { code: "SW003", department: 10, name: "纳税证明开具", class: Immediate, days: (0, 0), fee: FREE_FEE, result: "纳税证明", legal_basis: "《税收票证管理办法》", conditions: "已依法缴纳税款的纳税人", site_visit: false, materials: vec![m("经办人身份证件", "original", true, "")] },
        // 县教育体育局
        Row { code: "JY001", department: 11, name: "民办学校设立审批", class: Joint, days: (60, 30), fee: FREE_FEE, result: "民办学校办学许可证", legal_basis: "《中华人民共和国民办教育促进法》第十二条、第十七条", conditions: "符合当地教育发展需求，具备办学条件；教育体育局牵头，市场监管（营利性）或民政（非营利性）部门协办登记", site_visit: true, materials: vec![application("民办学校设立申请书"), m("举办者资格证明", "copy", true, ""), m("资产来源、资金数额及有效证明文件", "original", true, ""), m("学校章程和首届理事会组成人员名单", "original", true, "")] },
        Row { code: "JY002", department: 11, name: "教师资格认定", class: Commitment, days: (30, 20), fee: FREE_FEE, result: "教师资格证书", legal_basis: "《中华人民共和国教师法》第十三条；《教师资格条例》第十三条", conditions: "具备规定学历，通过教师资格考试，体检合格，普通话水平达到标准", site_visit: false, materials: vec![application("教师资格认定申请表"), identity(), m("学历证书", "original_and_copy", true, ""), m("普通话水平测试等级证书", "copy", true, ""), m("体检合格证明", "original", true, "县级以上医院出具")] },
        // Joint "one thing" service led by 市场监管
        Row { code: "SC007", department: 1, name: "企业开办“一件事”（执照、印章、发票、社保登记）", class: Joint, days: (5, 1), fee: FREE_FEE, result: "营业执照、公章、发票、社保登记", legal_basis: "《优化营商环境条例》第十九条；《国务院办公厅关于进一步优化企业开办服务的通知》", conditions: "新设立企业一次申请、并联办理；市场监管局牵头，公安局（印章）、税务局（发票）、人社局（社保登记）协办", site_visit: false, materials: vec![application("企业开办一表通"), m("全体股东身份证明", "copy", true, ""), m("住所使用证明", "copy", true, ""), agent()] },
    ]
}

/// The extra fields some matters' online application forms ask for.
pub fn form_fields(code: &str) -> Vec<FormField> {
    let f = |key: &str, label: &str, required| FormField { key: key.into(), label: label.into(), required };
    match code {
        "SC001" => vec![f("business_address", "经营场所", true), f("business_scope", "经营范围", true)],
        "SC003" => vec![f("business_address", "经营场所", true), f("business_type", "主体业态（如餐饮服务、食品销售）", true)],
        "GA003" => vec![f("destination", "前往国家或地区", false)],
        "ZJ001" => vec![f("project_name", "工程名称", true), f("contract_price", "合同价格（万元）", true)],
        _ => Vec::new(),
    }
}

/// A demo matter as the catalogue's version 1.
pub fn content(m: &MatterSpec, form_fields: &[FormField]) -> MatterContent {
    MatterContent {
        code: m.code.into(),
        name: m.name.into(),
        department_id: m.department as i64,
        class: m.class,
        legal_basis: m.legal_basis.into(),
        conditions: m.conditions.into(),
        materials: m
            .materials
            .iter()
            .map(|x| MaterialSpec {
                name: x.name.into(),
                form: MaterialForm::parse(x.form).expect("a known material form"),
                copies: x.copies,
                required: x.required,
                note: x.note.into(),
            })
            .collect(),
        procedure: m.procedure.clone(),
        statutory_days: m.statutory_days,
        committed_days: m.committed_days,
        fee: m.fee.into(),
        fee_basis: m.fee_basis.into(),
        free: m.fee == FREE,
        result: m.result.into(),
        yellow_days: settings().public.yellow_days,
        form_fields: form_fields.to_vec(),
    }
}

pub fn matters() -> Vec<MatterSpec> {
    rows()
        .into_iter()
        .map(|r| MatterSpec {
            code: r.code,
            department: r.department,
            name: r.name,
            class: r.class,
            statutory_days: r.days.0,
            committed_days: r.days.1,
            fee: r.fee.0,
            fee_basis: r.fee.1,
            result: r.result,
            legal_basis: r.legal_basis,
            conditions: r.conditions,
            procedure: procedure(r.class, r.site_visit),
            materials: r.materials,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_demo_catalogue_is_complete_and_consistent() {
        let matters = matters();
        assert!(matters.len() >= 40);
        let codes: HashSet<_> = matters.iter().map(|m| m.code).collect();
        assert_eq!(codes.len(), matters.len(), "codes are unique");
        for m in &matters {
            assert!(m.committed_days <= m.statutory_days, "{}", m.code);
            assert!((1..=DEPARTMENTS.len()).contains(&m.department), "{}", m.code);
            assert!(m.materials.iter().any(|x| x.required), "{} has a required material", m.code);
            for text in [m.legal_basis, m.conditions, m.fee, m.fee_basis, m.result] {
                assert!(!text.is_empty(), "{}", m.code);
            }
            assert!(m.procedure.len() >= 3);
            // The administration's own rule for a matter holds for the demo.
            assert_eq!(content(m, &form_fields(m.code)).validate(), Ok(()), "{}", m.code);
        }
        assert_eq!(settings().validate(), Ok(()));
        for dept in 1..=DEPARTMENTS.len() {
            assert!(matters.iter().any(|m| m.department == dept), "department {dept} has matters");
        }
        for class in [Immediate, Commitment, Joint, ReportUp] {
            assert!(matters.iter().filter(|m| m.class == class).count() >= 3, "{class:?}");
        }
    }
}
