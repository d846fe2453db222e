/**
 * The ethnic groups (民族) of GB/T 3304-1991, shipped as project data because no
 * installable package covers the standard (DOMAIN.md §5).
 */

/** One 民族 option: the 2-digit code that is submitted, the Chinese name shown as the label, and the romanisation. */
export interface EthnicGroup {
  /** The GB/T 3304 numeric code, `01`–`56`, `97` or `98`. */
  readonly code: string;
  /** The Chinese name, used as the option label. */
  readonly zh: string;
  /** The romanisation of GB/T 3304 (an English description for `97` and `98`). */
  readonly en: string;
}

/**
 * The 56 groups of GB/T 3304 in code order, followed by `97` 其他（未识别民族） and
 * `98` 外国血统中国籍人士, which household-registration and ID-card systems use
 * alongside them. The pre-1985 names 崩龙族 and 毛难族 are deliberately absent: map
 * them on import, never offer them (DOMAIN.md §5).
 *
 * @example
 * ETHNIC_GROUPS.find((group) => group.code === '01')?.zh; // '汉族'
 */
export const ETHNIC_GROUPS: readonly EthnicGroup[] = Object.freeze(
  [
    { code: '01', zh: '汉族', en: 'Han' },
    { code: '02', zh: '蒙古族', en: 'Mongol' },
    { code: '03', zh: '回族', en: 'Hui' },
    { code: '04', zh: '藏族', en: 'Zang' },
    { code: '05', zh: '维吾尔族', en: 'Uygur' },
    { code: '06', zh: '苗族', en: 'Miao' },
    { code: '07', zh: '彝族', en: 'Yi' },
    { code: '08', zh: '壮族', en: 'Zhuang' },
    { code: '09', zh: '布依族', en: 'Buyei' },
    { code: '10', zh: '朝鲜族', en: 'Chosen' },
    { code: '11', zh: '满族', en: 'Man' },
    { code: '12', zh: '侗族', en: 'Dong' },
    { code: '13', zh: '瑶族', en: 'Yao' },
    { code: '14', zh: '白族', en: 'Bai' },
    { code: '15', zh: '土家族', en: 'Tujia' },
    { code: '16', zh: '哈尼族', en: 'Hani' },
    { code: '17', zh: '哈萨克族', en: 'Kazak' },
    { code: '18', zh: '傣族', en: 'Dai' },
    { code: '19', zh: '黎族', en: 'Li' },
    { code: '20', zh: '傈僳族', en: 'Lisu' },
    { code: '21', zh: '佤族', en: 'Va' },
    { code: '22', zh: '畲族', en: 'She' },
    { code: '23', zh: '高山族', en: 'Gaoshan' },
    { code: '24', zh: '拉祜族', en: 'Lahu' },
    { code: '25', zh: '水族', en: 'Sui' },
    { code: '26', zh: '东乡族', en: 'Dongxiang' },
    { code: '27', zh: '纳西族', en: 'Naxi' },
    { code: '28', zh: '景颇族', en: 'Jingpo' },
    { code: '29', zh: '柯尔克孜族', en: 'Kirgiz' },
    { code: '30', zh: '土族', en: 'Tu' },
    { code: '31', zh: '达斡尔族', en: 'Daur' },
    { code: '32', zh: '仫佬族', en: 'Mulao' },
    { code: '33', zh: '羌族', en: 'Qiang' },
    { code: '34', zh: '布朗族', en: 'Blang' },
    { code: '35', zh: '撒拉族', en: 'Salar' },
    { code: '36', zh: '毛南族', en: 'Maonan' },
    { code: '37', zh: '仡佬族', en: 'Gelao' },
    { code: '38', zh: '锡伯族', en: 'Xibe' },
    { code: '39', zh: '阿昌族', en: 'Achang' },
    { code: '40', zh: '普米族', en: 'Pumi' },
    { code: '41', zh: '塔吉克族', en: 'Tajik' },
    { code: '42', zh: '怒族', en: 'Nu' },
    { code: '43', zh: '乌孜别克族', en: 'Uzbek' },
    { code: '44', zh: '俄罗斯族', en: 'Russ' },
    { code: '45', zh: '鄂温克族', en: 'Ewenki' },
    { code: '46', zh: '德昂族', en: 'Deang' },
    { code: '47', zh: '保安族', en: 'Bonan' },
    { code: '48', zh: '裕固族', en: 'Yugur' },
    { code: '49', zh: '京族', en: 'Gin' },
    { code: '50', zh: '塔塔尔族', en: 'Tatar' },
    { code: '51', zh: '独龙族', en: 'Derung' },
    { code: '52', zh: '鄂伦春族', en: 'Oroqen' },
    { code: '53', zh: '赫哲族', en: 'Hezhen' },
    { code: '54', zh: '门巴族', en: 'Monba' },
    { code: '55', zh: '珞巴族', en: 'Lhoba' },
    { code: '56', zh: '基诺族', en: 'Jino' },
    { code: '97', zh: '其他（未识别民族）', en: 'Other (unidentified)' },
    { code: '98', zh: '外国血统中国籍人士', en: 'Chinese citizen of foreign origin' },
  ].map((group) => Object.freeze(group)),
);
