package org.carbonalliance.patentpool.impl;

import static org.carbonalliance.patentpool.api.LegalStatus.GRANTED;
import static org.carbonalliance.patentpool.api.LegalStatus.LAPSED;
import static org.carbonalliance.patentpool.api.LegalStatus.PENDING;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PublicationNumber;

/**
 * Made-up demonstration patents of the alliance's ten founding members: 36 plausible climate-technology inventions,
 * three or four per founder, for demonstrations and tests of the pool. None of them exists.
 *
 * <p>The publication numbers are in a reserved range that cannot be mistaken for a real publication: the office code,
 * {@code 9999} and eight digits (twelve digits in all), then the kind code, such as {@code CN999900000001B},
 * {@code US999900000002B2}, {@code EP999900000003B1} or {@code WO999900000007A1}. No patent office issues twelve-digit
 * publication numbers beginning with 9999 (CN publishes nine digits, US seven or eight for grants, EP seven, WO a year
 * and six digits, JP up to ten, DE twelve beginning 10 or 20). The application numbers are marked the same way: CN
 * {@code year + type + 9999 + serial}, PCT {@code PCT/CNyear/9999nn}, other offices {@code year + 9999 + serial}.
 *
 * <p>The CPC symbols are real symbols of the Y02/Y04S tagging schemes and of the ordinary scheme; the climate tags are
 * left to the pool to derive from them, and the expiry to the pool to compute from the filing date (one CN utility
 * model, {@code CN999900000017U}, filed in December 2016, ends its ten-year term in December 2026). Titles and
 * abstracts are in English only, Chinese only or both, about a third each, as members' files carry them.
 */
final class DemoPatents {

    /** The ten founding members, as named in the alliance's founding declaration. */
    static final List<String> FOUNDERS = List.of("Tencent", "Microsoft China", "Alibaba", "Baidu", "JD.com", "Kuaishou",
            "Ant Group", "Meituan", "Vanke", "Willfar Information Technology");

    /** A founder's patenting legal entity, in English and in Chinese. */
    private record Entity(String founder, String nameEn, String nameZh) {
    }

    private static final Entity TENCENT = new Entity("Tencent", "Tencent Technology (Shenzhen) Co., Ltd.",
            "腾讯科技（深圳）有限公司");
    private static final Entity MICROSOFT = new Entity("Microsoft China", "Microsoft (China) Co., Ltd.",
            "微软（中国）有限公司");
    private static final Entity ALIBABA = new Entity("Alibaba", "Alibaba Group Holding Limited",
            "阿里巴巴集团控股有限公司");
    private static final Entity BAIDU = new Entity("Baidu", "Beijing Baidu Netcom Science and Technology Co., Ltd.",
            "北京百度网讯科技有限公司");
    private static final Entity JD = new Entity("JD.com", "Beijing Jingdong Shangke Information Technology Co., Ltd.",
            "北京京东尚科信息技术有限公司");
    private static final Entity KUAISHOU = new Entity("Kuaishou", "Beijing Kuaishou Technology Co., Ltd.",
            "北京快手科技有限公司");
    private static final Entity ANT = new Entity("Ant Group", "Ant Group Co., Ltd.", "蚂蚁科技集团股份有限公司");
    private static final Entity MEITUAN = new Entity("Meituan", "Beijing Sankuai Online Technology Co., Ltd.",
            "北京三快在线科技有限公司");
    private static final Entity VANKE = new Entity("Vanke", "China Vanke Co., Ltd.", "万科企业股份有限公司");
    private static final Entity WILLFAR = new Entity("Willfar Information Technology",
            "Willfar Information Technology Co., Ltd.", "威胜信息技术股份有限公司");

    /** One patent of the table; dates ISO, lists separated by "; ", a null priority date meaning the filing date. */
    private record Row(Entity owner, String number, String familyId, String filed, String priority, String granted,
            LegalStatus status, String titleEn, String titleZh, String abstractEn, String abstractZh, String inventors,
            String cpc, String ipc) {
    }

    private static Row row(Entity owner, String number, String familyId, String filed, String priority, String granted,
            LegalStatus status, String titleEn, String titleZh, String abstractEn, String abstractZh, String inventors,
            String cpc, String ipc) {
        return new Row(owner, number, familyId, filed, priority, granted, status, titleEn, titleZh, abstractEn,
                abstractZh, inventors, cpc, ipc);
    }

    // Liquid cooling (family DEMO-FAM-001), texts shared by its CN, US and EP publications.
    private static final String COOLING_EN =
            "Server cabinet liquid cooling system, data centre and cooling control method";
    private static final String COOLING_ABSTRACT_EN = "A cold-plate loop and a rear-door heat exchanger share one "
            + "coolant distribution unit whose pump speed and supply temperature are set from the measured rack inlet "
            + "temperatures. Raising the supply temperature whenever the load allows lets the chillers run in "
            + "free-cooling mode for most of the year and lowers the data centre's power usage effectiveness (PUE).";
    // Immersion cooling (family DEMO-FAM-002), texts shared by its CN and WO publications.
    private static final String IMMERSION_EN =
            "Immersion liquid cooling data centre and waste heat recovery method thereof";
    private static final String IMMERSION_ZH = "浸没式液冷数据中心及其余热回收方法";
    private static final String IMMERSION_ABSTRACT_EN = "Servers are immersed in a single-phase dielectric coolant "
            + "whose heat is carried by a plate heat exchanger to the heating loop of nearby buildings. Without server "
            + "fans and computer-room air handlers the PUE of the data centre approaches 1.1.";
    private static final String IMMERSION_ABSTRACT_ZH = "服务器浸没于单相绝缘冷却液中，热量经板式换热器输送至周边建筑的供暖回路。"
            + "取消服务器风扇和机房空调后，数据中心的PUE可接近1.1。";

    private static final List<Row> ROWS = List.of(
            // ---- Tencent: data-centre cooling, carbon capture with data-centre waste heat
            row(TENCENT, "CN999900000001B", "DEMO-FAM-001", "2018-07-16", null, "2021-03-23", GRANTED,
                    COOLING_EN, "服务器机柜液冷系统、数据中心及冷却控制方法", COOLING_ABSTRACT_EN,
                    "冷板回路与背门换热器共用一台冷却液分配单元，根据实测的机柜进风温度设定泵速和供液温度。在负载允许时提高供液温度，"
                            + "使冷水机组全年大部分时间以自然冷却模式运行，降低数据中心的电能使用效率（PUE）。",
                    "张伟; 李娜; 陈浩", "Y02D 10/00; H05K 7/20781; H05K 7/20836; G06F 1/20", "H05K 7/20; G06F 1/20"),
            row(TENCENT, "US999900000002B2", "DEMO-FAM-001", "2019-07-10", "2018-07-16", "2022-01-18", GRANTED,
                    COOLING_EN, null, COOLING_ABSTRACT_EN, null,
                    "Zhang Wei; Li Na; Chen Hao", "Y02D 10/00; H05K 7/20781; H05K 7/20836; G06F 1/20",
                    "H05K 7/20; G06F 1/20"),
            row(TENCENT, "EP999900000003B1", "DEMO-FAM-001", "2019-07-10", "2018-07-16", "2023-05-31", GRANTED,
                    COOLING_EN, null, COOLING_ABSTRACT_EN, null,
                    "Zhang Wei; Li Na; Chen Hao", "Y02D 10/00; H05K 7/20781; H05K 7/20836; G06F 1/20",
                    "H05K 7/20; G06F 1/20"),
            row(TENCENT, "CN999900000004A", null, "2023-04-18", null, null, PENDING,
                    null, "利用数据中心余热再生二氧化碳吸附剂的碳捕集系统及方法", null,
                    "数据中心冷却回路排出的低品位余热经热泵提温后用于固体胺吸附剂的变温再生，吸附塔捕集的二氧化碳经压缩后封存或利用。"
                            + "该系统无需锅炉另行供热，降低了碳捕集的单位能耗。",
                    "王磊; 刘洋", "Y02C 20/40; B01D 53/62; B01D 53/04", "B01D 53/62; B01D 53/04"),

            // ---- Microsoft China: carbon-aware computing, low-power IoT, weather for adaptation
            row(MICROSOFT, "US999900000005B2", null, "2017-05-22", "2016-11-30", "2019-10-08", GRANTED,
                    "Carbon-aware scheduling of deferrable batch workloads across cloud regions", null,
                    "A scheduler forecasts the carbon intensity of the electricity supplied to each cloud region and "
                            + "moves deferrable batch jobs to the region and time window with the lowest expected "
                            + "emissions, subject to each job's deadline. The emissions of the workload fall without "
                            + "additional hardware.", null,
                    "Wang Jun; Zhao Min; Liu Yang", "Y02D 10/00; G06F 9/4893; G06F 9/5094", "G06F 9/48; G06F 9/50"),
            row(MICROSOFT, "CN999900000006B", null, "2019-09-03", null, "2022-11-15", GRANTED,
                    "Low-power wake-up method and device for wireless sensor nodes", "无线传感器节点的低功耗唤醒方法及装置",
                    "A sensor node keeps its main radio off and listens with a wake-up receiver for an addressed "
                            + "wake-up pattern, while the gateway batches pending downlink messages and sends them "
                            + "only when the node is awake. The battery life of building sensors is several times that "
                            + "of duty-cycled listening.",
                    "传感器节点关闭主射频，仅通过唤醒接收机监听带地址的唤醒序列；网关合并待发的下行消息，在节点唤醒后一次发送。"
                            + "与周期性侦听相比，楼宇传感器的电池寿命可延长数倍。",
                    "周杰; 孙丽", "Y02D 30/70; H04W 52/02; H04W 4/38", "H04W 52/02; H04W 4/38"),
            row(MICROSOFT, "WO999900000007A1", null, "2021-06-08", "2020-12-14", null, PENDING,
                    "Machine-learning precipitation nowcasting for urban flood warning", null,
                    "A neural network trained on radar reflectivity sequences and rain-gauge readings predicts the "
                            + "precipitation of the next two hours at one-kilometre resolution. The predicted rainfall "
                            + "is combined with the capacity of the drainage network to issue street-level flood "
                            + "warnings.",
                    null,
                    "Li Ming; Xu Jing", "Y02A 90/10; G01W 1/10; G06N 3/08", "G01W 1/10; G06N 3/08"),

            // ---- Alibaba: immersion cooling (DEMO-FAM-002), data-centre energy storage, PV forecasting
            row(ALIBABA, "CN999900000008B", "DEMO-FAM-002", "2017-03-09", null, "2019-12-20", GRANTED,
                    IMMERSION_EN, IMMERSION_ZH, IMMERSION_ABSTRACT_EN, IMMERSION_ABSTRACT_ZH,
                    "刘博; 黄磊; 何静", "Y02D 10/00; H05K 7/20709; G06F 1/20", "H05K 7/20; G06F 1/20"),
            row(ALIBABA, "WO999900000009A1", "DEMO-FAM-002", "2018-03-08", "2017-03-09", null, PENDING,
                    IMMERSION_EN, IMMERSION_ZH, IMMERSION_ABSTRACT_EN, IMMERSION_ABSTRACT_ZH,
                    "刘博; 黄磊; 何静", "Y02D 10/00; H05K 7/20709; G06F 1/20", "H05K 7/20; G06F 1/20"),
            row(ALIBABA, "CN999900000010B", null, "2019-11-05", null, "2022-04-26", GRANTED,
                    "Charge and discharge scheduling method and device for a data centre energy storage system",
                    "数据中心储能系统的充放电调度方法及装置",
                    "From time-of-use tariffs, the forecast data centre load and the state of charge of the energy "
                            + "storage batteries, a day-ahead plan charges the energy storage system in off-peak hours "
                            + "and discharges it at peak hours, always keeping the reserve the uninterruptible power "
                            + "supply needs.",
                    "根据分时电价、数据中心负荷预测和储能电池的荷电状态生成储能系统的日前充放电计划，低谷充电、高峰放电，"
                            + "并始终保留不间断供电所需的备用容量。",
                    "吴刚; 郑丽", "Y02E 60/10; H02J 3/32; H02J 7/00; H01M 10/44", "H02J 3/32; H01M 10/44"),
            row(ALIBABA, "CN999900000011B", null, "2021-08-19", null, "2024-01-23", GRANTED,
                    "Photovoltaic power forecasting method based on satellite cloud images", "基于卫星云图的光伏发电功率预测方法",
                    "Cloud motion vectors estimated from consecutive satellite images are combined with numerical "
                            + "weather prediction in a neural network that forecasts the output of each photovoltaic "
                            + "plant for the next four hours. Dispatchers use the forecast to schedule reserves and "
                            + "reduce curtailment.",
                    "由连续卫星云图估计云团运动矢量，与数值天气预报一同输入神经网络，预测各光伏电站未来四小时的出力。"
                            + "调度人员据此安排备用容量，减少弃光。",
                    "徐明; 高翔", "Y02E 10/50; Y02A 90/10; H02J 3/004; G06N 3/08", "H02J 3/00; G06N 3/08"),

            // ---- Baidu: EV routing, autonomous-driving energy
            row(BAIDU, "CN999900000012B", null, "2018-04-11", null, "2021-01-05", GRANTED,
                    "Energy-saving route planning method and apparatus for electric vehicles, device and storage "
                            + "medium",
                    "电动汽车节能路径规划方法、装置、设备及存储介质",
                    "An energy model estimates the consumption of each road segment from its gradient, speed profile "
                            + "and live traffic, and the planner finds the route with the lowest energy use that "
                            + "arrives within a tolerance of the fastest route. Charging stops are inserted where the "
                            + "predicted state of charge would fall below a reserve.",
                    "能耗模型根据路段坡度、速度曲线和实时路况估计各路段的能耗，规划器在到达时间不超过最快路线一定容差的前提下搜索能耗"
                            + "最低的路线。预测荷电状态低于保留值时，在路线中插入充电站。",
                    "朱帆; 马琳; 杨涛", "Y02T 10/72; Y02T 90/16; G01C 21/3469; B60L 58/12", "G01C 21/34; B60L 58/12"),
            row(BAIDU, "US999900000013B2", null, "2020-02-24", "2019-06-28", "2022-09-06", GRANTED,
                    "Method and apparatus for energy-saving longitudinal control of an autonomous vehicle", null,
                    "A planner computes the speed profile of an autonomous vehicle that minimises traction energy over "
                            + "a look-ahead horizon, using the gradient from the map and the predicted motion of the "
                            + "vehicle ahead. Regenerative braking is preferred to friction braking wherever the "
                            + "profile allows.",
                    null,
                    "Zhu Fan; Ma Lin; Yang Tao", "Y02T 10/72; B60W 60/001; B60W 30/14", "B60W 60/00; B60W 30/14"),
            row(BAIDU, "CN999900000014A", null, "2023-09-14", null, null, PENDING,
                    null, "自动驾驶车队的充电调度方法、装置和电子设备", null,
                    "根据各车辆的剩余电量、待执行订单和充电站排队情况，为自动驾驶车队分配充电时段和充电站，"
                            + "使车队在满足运营需求的同时尽量在电价低谷和可再生能源出力高的时段充电。",
                    "朱帆; 韩雪", "Y02T 90/12; Y02T 10/70; B60L 53/60; G06Q 10/0631", "B60L 53/60; G06Q 10/06"),
            row(BAIDU, "JP999900000015B2", null, "2016-10-20", "2015-10-21", "2019-02-15", LAPSED,
                    "Driving-range estimation for electric vehicles using crowd-sourced energy consumption data", null,
                    "Energy consumption records uploaded by many vehicles are aggregated per road segment and vehicle "
                            + "class, and the remaining range of a vehicle is estimated from its battery's state of "
                            + "charge and the segments of the planned route, allowing for ambient temperature and "
                            + "cabin heating.",
                    null,
                    "Ma Lin; Song Yu", "Y02T 10/70; Y02T 90/16; B60L 58/12; G01C 21/3469", "B60L 58/12; G01C 21/34"),

            // ---- JD.com: logistics packaging recycling, warehouse energy
            row(JD, "CN999900000016B", null, "2017-08-02", null, "2020-06-09", GRANTED,
                    "Recyclable logistics packaging box and circulation management system thereof",
                    "一种可循环物流包装箱及其循环管理系统",
                    "A folding box of polypropylene honeycomb board is closed with a one-time electronic seal instead "
                            + "of tape and carries an RFID tag, so that each box is tracked from the warehouse to the "
                            + "customer and back to a return station. The system counts each box's trips and sends "
                            + "worn boxes to be recycled into new board.",
                    "折叠式包装箱由聚丙烯蜂窝板制成，以一次性电子封签代替胶带封箱，并带有RFID标签，可追踪每个箱子从仓库到客户再回到"
                            + "回收站的全过程。系统统计每个箱子的周转次数，将磨损的箱子回收再造为新板材。",
                    "赵强; 钱芳; 孙浩", "Y02W 30/62; G06Q 10/30; B65D 21/08", "G06Q 10/30; B65D 21/08"),
            row(JD, "CN999900000017U", null, "2016-12-15", null, "2017-07-04", GRANTED,
                    null, "一种可降解快递缓冲填充袋", null,
                    "缓冲填充袋由聚乳酸与淀粉共混膜制成，充气后用于填充包裹空隙，使用后可在工业堆肥条件下降解。"
                            + "袋体设有易撕放气口，便于用户放气压扁后投放回收。",
                    "钱芳; 李静", "Y02W 90/10; B65D 81/05; B65D 65/46", "B65D 81/05; B65D 65/46"),
            row(JD, "CN999900000018B", null, "2020-03-27", null, "2023-02-10", GRANTED,
                    null, "仓储机器人集群的能耗优化调度方法和装置", null,
                    "根据订单波次和各机器人的电量为仓储机器人分配拣选任务和充电时段，减少空驶距离和峰值充电功率，"
                            + "在保证出库时效的前提下降低仓库用电量。",
                    "孙浩; 周敏", "Y02P 90/02; G05B 19/41895; G06Q 10/087", "G05B 19/418; G06Q 10/08"),
            row(JD, "US999900000019B2", null, "2021-05-16", "2020-11-18", "2023-08-29", GRANTED,
                    "System and method for collecting used corrugated cartons for recycling in last-mile "
                            + "delivery", null,
                    "When a courier delivers a parcel, the recipient is offered the collection of used corrugated "
                            + "cartons, whose weight is recorded before they are routed to a paper recycling partner. "
                            + "Credits for the returned cartons are added to the recipient's account.",
                    null,
                    "Zhao Qiang; Zhou Min", "Y02W 30/64; G06Q 10/30; G06Q 10/083", "G06Q 10/30; G06Q 10/08"),

            // ---- Kuaishou: video infrastructure energy, data-centre cooling
            row(KUAISHOU, "CN999900000020B", null, "2020-07-21", null, "2023-03-14", GRANTED,
                    null, "视频转码任务的能效感知调度方法、装置及服务器", null,
                    "根据各服务器的实时功耗、CPU与GPU利用率及机房进风温度，将视频转码任务优先分配至能效最高的服务器，"
                            + "并将空闲服务器切换至低功耗状态，降低转码集群处理单位时长视频的能耗。",
                    "林涛; 郭佳", "Y02D 10/00; G06F 9/5094; G06F 1/329; H04N 21/2343", "G06F 9/50; H04N 21/2343"),
            row(KUAISHOU, "CN999900000021B", null, "2021-04-09", null, "2023-11-28", GRANTED,
                    null, "数据中心间接蒸发冷却空调机组及其控制方法", null,
                    "室外空气通过表面喷淋的高分子管换热器冷却机房回风，室外空气不进入机房。控制器根据室外湿球温度在干工况、湿工况和"
                            + "机械补冷工况之间切换，使北方地区数据中心的年均PUE低于1.2。",
                    "郭佳; 冯磊", "Y02D 10/00; H05K 7/20745; F24F 11/46", "H05K 7/20; F24F 11/46"),
            row(KUAISHOU, "CN999900000022A", null, "2024-02-06", null, null, PENDING,
                    null, "基于终端电量状态的视频码率自适应方法及装置", null,
                    "客户端上报设备剩余电量和网络状况，服务端据此选择码率和编码档位，在低电量时优先下发解码功耗较低的视频流，"
                            + "并减少无线传输的数据量，延长移动设备的续航时间。",
                    "林涛; 邓超", "Y02D 30/70; H04N 21/2662; H04W 52/02", "H04N 21/2662; H04W 52/02"),

            // ---- Ant Group: green finance, carbon accounting
            row(ANT, "CN999900000023B", null, "2019-05-10", null, "2021-12-07", GRANTED,
                    "Personal carbon footprint accounting method and device based on payment transaction data",
                    "基于支付交易数据的个人碳足迹核算方法及装置",
                    "Transactions such as public-transport rides, online bill payment and bicycle sharing are mapped "
                            + "to low-carbon behaviours, and the emission reduction of each behaviour is computed "
                            + "against a baseline behaviour from an emission factor database. The reductions are "
                            + "accumulated per user and can be redeemed for tree planting.",
                    "将公共交通出行、线上缴费、共享单车等交易映射为低碳行为，依据排放因子库相对于基准行为计算每次行为的减排量。"
                            + "减排量按用户累计，可兑换植树。",
                    "胡斌; 曹颖", "Y02P 90/84; G06Q 40/12; G06Q 20/40", "G06Q 40/00; G06Q 20/40"),
            row(ANT, "US999900000024B1", null, "2020-09-15", null, "2022-03-01", GRANTED,
                    "Blockchain-based verification of carbon emission reduction data", null,
                    "Metering data of an emission-reduction project are signed by the meter, anchored on a consortium "
                            + "blockchain and checked by a verifier node before a carbon credit is issued. Each credit "
                            + "records the hash of the data it was issued from, so double counting and later "
                            + "alteration are detected.",
                    null,
                    "Hu Bin; Cao Ying; Jiang Wei", "Y02P 90/84; Y02P 90/845; G06Q 40/04; H04L 9/50",
                    "G06Q 40/04; H04L 9/32"),
            row(ANT, "CN999900000025A", null, "2023-06-30", null, null, PENDING,
                    null, "面向绿色信贷的企业碳排放评估方法、装置及设备", null,
                    "根据企业的用电、用能和物流数据估算其范围一和范围二碳排放，并与行业基准比较生成碳绩效评分，"
                            + "作为绿色信贷授信和利率定价的依据。",
                    "曹颖; 谢晨", "Y02P 90/84; G06Q 40/02; G06Q 10/0639", "G06Q 40/02; G06Q 10/06"),

            // ---- Meituan: electric delivery fleet, battery swapping, power-bank energy storage
            row(MEITUAN, "CN999900000026B", null, "2018-10-12", null, "2021-06-29", GRANTED,
                    "Route planning method and device for electric delivery vehicles in instant delivery",
                    "即时配送中电动配送车辆的路径规划方法及装置",
                    "Orders are assigned to riders and routes planned with the remaining battery energy of each "
                            + "electric scooter as a constraint, inserting a battery swap at a nearby swap cabinet "
                            + "where needed. Empty mileage falls and riders no longer run out of charge during a "
                            + "delivery.",
                    "以每辆电动车的剩余电量为约束为骑手分配订单并规划路线，需要时在路线中插入附近换电柜的换电点，"
                            + "减少空驶里程，避免骑手在配送途中电量耗尽。",
                    "梁宇; 罗晶", "Y02T 90/16; Y02T 10/72; G06Q 10/047; G06Q 10/083", "G06Q 10/04; G06Q 10/08"),
            row(MEITUAN, "CN999900000027B", null, "2020-05-19", null, "2022-08-23", GRANTED,
                    null, "共享充电宝机柜的储能聚合与需求响应方法", null,
                    "将分布于商户的大量共享充电宝机柜聚合为虚拟储能系统，根据电网需求响应信号调整机柜内充电宝的充电功率，"
                            + "高峰暂停充电、低谷集中充电，同时保证可租借的充电宝数量满足用户需求。",
                    "罗晶; 唐亮", "Y02E 60/10; Y04S 20/222; H02J 3/32; H02J 7/0013", "H02J 3/32; H02J 7/00"),
            row(MEITUAN, "US999900000028B2", null, "2021-03-04", "2020-03-06", "2023-10-17", GRANTED,
                    "Battery swap cabinet with thermal management and energy storage function", null,
                    "A battery swap cabinet for electric scooters charges its batteries according to electricity "
                            + "prices and reserves part of their capacity as an energy storage unit that supplies the "
                            + "building during peak hours. A liquid-cooled plate keeps each battery compartment within "
                            + "its safe temperature range while charging.",
                    null,
                    "Liang Yu; Tang Liang", "Y02E 60/10; Y02T 10/70; Y02T 90/12; B60L 53/80; H01M 10/613",
                    "B60L 53/80; H01M 10/613"),
            row(MEITUAN, "CN999900000029B", null, "2019-01-08", null, "2021-09-14", LAPSED,
                    null, "退役电动自行车电池梯次利用于储能系统的筛选方法及装置", null,
                    "依据容量衰减、内阻和自放电率对退役电动自行车电池进行分选和配组，合格电池组装为储能电池包用于商户储能，"
                            + "不合格电池送往材料回收。",
                    "唐亮; 梁宇", "Y02W 30/84; Y02E 60/10; H01M 10/54; G01R 31/392", "H01M 10/54; G01R 31/392"),

            // ---- Vanke: building energy
            row(VANKE, "CN999900000030B", null, "2016-06-14", null, "2019-03-01", GRANTED,
                    "Energy-saving control method for building HVAC based on occupancy prediction",
                    "基于人员预测的建筑暖通空调节能控制方法",
                    "The occupancy of each zone is predicted from access-control records and the building's booking "
                            + "calendar, and the air handling units pre-cool or pre-heat only the zones expected to be "
                            + "occupied. Supply air temperature and fresh-air volume are reset from the predicted "
                            + "occupancy and the measured CO2 concentration.",
                    "根据门禁记录和楼宇预约日历预测各区域的人员占用，空调机组只对预计有人的区域提前制冷或制热，"
                            + "并根据预测人数和实测二氧化碳浓度重设送风温度和新风量。",
                    "彭辉; 蒋楠", "Y02B 30/70; F24F 11/46; F24F 11/64", "F24F 11/46; F24F 11/64"),
            row(VANKE, "CN999900000031U", null, "2019-04-23", null, "2019-12-10", GRANTED,
                    null, "一种光伏建筑一体化幕墙单元", null,
                    "幕墙单元的外片玻璃为夹胶光伏组件，接线盒隐藏于单元立柱内，相邻单元通过快插连接器串联，"
                            + "安装时无需现场布线，兼顾建筑外观与发电。",
                    "蒋楠; 韦华", "Y02B 10/10; Y02E 10/50; H02S 20/26; E04B 2/88", "H02S 20/26; E04B 2/88"),
            row(VANKE, "CN999900000032A", null, "2024-03-21", null, null, PENDING,
                    "Energy management method and system for a residential community photovoltaic and energy storage "
                            + "microgrid",
                    "社区光储微电网的能量管理方法及系统",
                    "The rooftop photovoltaic arrays of a residential community and a shared energy storage battery "
                            + "run as one microgrid whose energy management system forecasts next-day generation and "
                            + "household load. The energy storage system charges from surplus photovoltaic output and "
                            + "discharges at the evening peak, reducing the electricity the community buys from the "
                            + "grid.",
                    "住宅社区的屋顶光伏阵列与共享储能电池作为一个微电网运行，能量管理系统预测次日发电量和居民用电负荷。"
                            + "储能系统利用光伏余电充电、在晚高峰放电，减少社区从电网购电。",
                    "彭辉; 韦华; 石磊", "Y02E 60/10; Y02E 70/30; Y02B 10/70; H02J 3/32; H02J 3/38",
                    "H02J 3/32; H02J 3/38"),
            row(VANKE, "WO999900000033A1", null, "2022-05-10", "2021-05-12", null, PENDING,
                    "Adaptive lighting control for residential common areas using presence detection and daylight "
                            + "harvesting", null,
                    "Corridor and staircase luminaires dim to a standby level when no presence is detected and "
                            + "brighten ahead of a moving occupant, while daylight sensors cap their output near "
                            + "windows. Lighting energy in common areas falls without leaving residents in the dark.",
                    null,
                    "Peng Hui; Shi Lei", "Y02B 20/40; H05B 47/115; H05B 47/11", "H05B 47/115; H05B 47/11"),

            // ---- Willfar Information Technology: smart grid metering
            row(WILLFAR, "CN999900000034B", null, "2014-09-17", null, "2017-07-04", GRANTED,
                    null, "一种支持远程费控的智能电能表及其计量方法", null,
                    "电能表内置计量芯片和安全模块，根据主站下发的电价参数在本地计算剩余金额，余额不足时先告警后跳闸，"
                            + "并通过电力线载波或无线通信上传冻结数据，实现远程费控和分时计量。",
                    "李勇; 陈静", "Y04S 20/30; Y02B 90/20; G01R 22/063; G01D 4/002", "G01R 22/06; G01D 4/00"),
            row(WILLFAR, "EP999900000035B1", null, "2018-11-20", "2017-11-22", "2022-02-16", GRANTED,
                    "Distribution transformer area terminal for detecting line losses and electricity theft", null,
                    "A terminal at the distribution transformer collects the readings of all smart meters in its "
                            + "low-voltage area, compares their sum with the transformer's output every fifteen "
                            + "minutes and locates the branch with abnormal losses by topology identification. "
                            + "Suspected theft or faulty wiring is reported to the utility's master station.",
                    null,
                    "Li Yong; Chen Jing; Fang Hua", "Y04S 10/50; Y04S 20/30; H02J 13/00; G01R 22/06",
                    "H02J 13/00; G01R 22/06"),
            row(WILLFAR, "CN999900000036B", null, "2021-01-26", null, "2023-08-15", GRANTED,
                    "Metering and control terminal for user-side energy storage and dispatching method thereof",
                    "用户侧储能计量控制终端及其调度方法",
                    "The terminal meters the charge and discharge energy of a user-side energy storage battery "
                            + "separately from the user's load and executes the peak-shaving and demand-response "
                            + "commands of the grid dispatch platform. Energy storage services are settled on the "
                            + "separately metered energy.",
                    "终端对用户侧储能电池的充放电电量与用户负荷分别计量，并执行电网调度平台下发的削峰填谷和需求响应指令。"
                            + "储能服务按分别计量的电量结算。",
                    "陈静; 方华", "Y02E 60/10; Y04S 20/222; H02J 3/32; G01R 22/06", "H02J 3/32; G01R 22/06"));

    private DemoPatents() {
    }

    /**
     * @param tenantIdByFounder the tenant id of each founder, keyed by the names in {@link #FOUNDERS}
     * @return the 36 demonstration patents, each contributed for its founder's tenant
     * @throws IllegalArgumentException when a founder has no tenant id in the map
     */
    static List<PatentData> patents(Map<String, String> tenantIdByFounder) {
        return ROWS.stream().map(r -> data(r, tenantIdByFounder)).toList();
    }

    private static PatentData data(Row r, Map<String, String> tenantIdByFounder) {
        String member = tenantIdByFounder.get(r.owner().founder());
        if (member == null) {
            throw new IllegalArgumentException("No tenant id for the founder " + r.owner().founder());
        }
        PublicationNumber number = PublicationNumber.parse(r.number()).orElseThrow();
        LocalDate filed = LocalDate.parse(r.filed());
        // Chinese texts come with the Chinese name of the applicant, as on a CN or Chinese-language WO publication.
        List<String> applicants = List.of(r.titleZh() != null ? r.owner().nameZh() : r.owner().nameEn());
        return new PatentData(number.toString(), r.familyId(), applicationNumber(number, filed), filed,
                r.priority() == null ? filed : LocalDate.parse(r.priority()),
                r.granted() == null ? null : LocalDate.parse(r.granted()), null, null, r.status(), r.titleEn(),
                r.titleZh(), r.abstractEn(), r.abstractZh(), applicants, applicants, split(r.inventors()),
                split(r.cpc()), List.of(), split(r.ipc()), null, member);
    }

    /** @return an application number in the reserved range: CN201819999001, PCT/CN2018/999909, US201999990002 */
    private static String applicationNumber(PublicationNumber number, LocalDate filed) {
        String serial = number.number().substring(number.number().length() - 4);
        int year = filed.getYear();
        return switch (number.country()) {
            case "CN" -> "CN" + year + (number.isUtilityModel() ? "2" : "1") + "9999" + serial.substring(1);
            case "WO" -> "PCT/CN" + year + "/9999" + serial.substring(2);
            default -> number.country() + year + "9999" + serial;
        };
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(";")).map(String::strip).toList();
    }
}
