import type { Body } from '../domain/bodies.js';

/**
 * The body directory (R2): a realistic starting set of the bodies a complaint can be addressed to.
 *
 * Sources: the official names of the bodies as they appear on gov.kz (the Unified Platform of
 * Internet Resources of State Bodies) and on gov4c.kz, as of 2026; the administrative division as
 * set by the Presidential Decree that formed the regions of Abai, Jetisu and Ulytau (in force since
 * 8 June 2022); the Ministry of Artificial Intelligence and Digital Development as formed in
 * September 2025 from the Ministry of Digital Development, Innovation and Aerospace Industry.
 * District, akim, service-provider and public-service-center entries are a sample, not the full
 * register; check them against the live registers before relying on them.
 *
 * Ids are stable, lowercase latin. Notification addresses use the reserved `.example` domain so
 * nothing ever reaches a real inbox; the deployment replaces them with the bodies' real addresses.
 *
 * Working hours: public service centers (CONs) receive applicants on weekdays until 20:00, so every
 * public_service_center entry sets workingHoursEnd '20:00'; every other body keeps the default
 * working day (18:30).
 */
export const bodyDirectory: readonly Body[] = [
  // The authorized body for the assessment and control of the quality of public services.
  {
    id: 'agency-civil-service',
    kind: 'authorized_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Мемлекеттік қызмет істері агенттігі',
      ru: 'Агентство Республики Казахстан по делам государственной службы',
    },
    notificationEmail: 'agency-civil-service@notify.complaints.example',
  },

  // Central state bodies: ministries.
  {
    id: 'ministry-justice',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Әділет министрлігі',
      ru: 'Министерство юстиции Республики Казахстан',
    },
    notificationEmail: 'ministry-justice@notify.complaints.example',
  },
  {
    id: 'ministry-internal-affairs',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Ішкі істер министрлігі',
      ru: 'Министерство внутренних дел Республики Казахстан',
    },
    notificationEmail: 'ministry-internal-affairs@notify.complaints.example',
  },
  {
    id: 'ministry-labour-social-protection',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрлігі',
      ru: 'Министерство труда и социальной защиты населения Республики Казахстан',
    },
    notificationEmail: 'ministry-labour-social-protection@notify.complaints.example',
  },
  {
    id: 'ministry-health',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Денсаулық сақтау министрлігі',
      ru: 'Министерство здравоохранения Республики Казахстан',
    },
    notificationEmail: 'ministry-health@notify.complaints.example',
  },
  {
    id: 'ministry-enlightenment',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Оқу-ағарту министрлігі',
      ru: 'Министерство просвещения Республики Казахстан',
    },
    notificationEmail: 'ministry-enlightenment@notify.complaints.example',
  },
  {
    id: 'ministry-science-higher-education',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Ғылым және жоғары білім министрлігі',
      ru: 'Министерство науки и высшего образования Республики Казахстан',
    },
    notificationEmail: 'ministry-science-higher-education@notify.complaints.example',
  },
  {
    id: 'ministry-finance',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Қаржы министрлігі',
      ru: 'Министерство финансов Республики Казахстан',
    },
    notificationEmail: 'ministry-finance@notify.complaints.example',
  },
  {
    id: 'ministry-national-economy',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Ұлттық экономика министрлігі',
      ru: 'Министерство национальной экономики Республики Казахстан',
    },
    notificationEmail: 'ministry-national-economy@notify.complaints.example',
  },
  {
    id: 'ministry-agriculture',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Ауыл шаруашылығы министрлігі',
      ru: 'Министерство сельского хозяйства Республики Казахстан',
    },
    notificationEmail: 'ministry-agriculture@notify.complaints.example',
  },
  {
    id: 'ministry-ecology-natural-resources',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Экология және табиғи ресурстар министрлігі',
      ru: 'Министерство экологии и природных ресурсов Республики Казахстан',
    },
    notificationEmail: 'ministry-ecology-natural-resources@notify.complaints.example',
  },
  {
    id: 'ministry-water-resources-irrigation',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Су ресурстары және ирригация министрлігі',
      ru: 'Министерство водных ресурсов и ирригации Республики Казахстан',
    },
    notificationEmail: 'ministry-water-resources-irrigation@notify.complaints.example',
  },
  {
    id: 'ministry-industry-construction',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Өнеркәсіп және құрылыс министрлігі',
      ru: 'Министерство промышленности и строительства Республики Казахстан',
    },
    notificationEmail: 'ministry-industry-construction@notify.complaints.example',
  },
  {
    id: 'ministry-transport',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Көлік министрлігі',
      ru: 'Министерство транспорта Республики Казахстан',
    },
    notificationEmail: 'ministry-transport@notify.complaints.example',
  },
  {
    id: 'ministry-energy',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Энергетика министрлігі',
      ru: 'Министерство энергетики Республики Казахстан',
    },
    notificationEmail: 'ministry-energy@notify.complaints.example',
  },
  {
    id: 'ministry-ai-digital-development',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Жасанды интеллект және цифрлық даму министрлігі',
      ru: 'Министерство искусственного интеллекта и цифрового развития Республики Казахстан',
    },
    notificationEmail: 'ministry-ai-digital-development@notify.complaints.example',
  },
  {
    id: 'ministry-culture-information',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Мәдениет және ақпарат министрлігі',
      ru: 'Министерство культуры и информации Республики Казахстан',
    },
    notificationEmail: 'ministry-culture-information@notify.complaints.example',
  },
  {
    id: 'ministry-tourism-sports',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Туризм және спорт министрлігі',
      ru: 'Министерство туризма и спорта Республики Казахстан',
    },
    notificationEmail: 'ministry-tourism-sports@notify.complaints.example',
  },
  {
    id: 'ministry-emergency-situations',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Төтенше жағдайлар министрлігі',
      ru: 'Министерство по чрезвычайным ситуациям Республики Казахстан',
    },
    notificationEmail: 'ministry-emergency-situations@notify.complaints.example',
  },
  {
    id: 'ministry-trade-integration',
    kind: 'central_state_body',
    parentId: null,
    name: {
      kk: 'Қазақстан Республикасының Сауда және интеграция министрлігі',
      ru: 'Министерство торговли и интеграции Республики Казахстан',
    },
    notificationEmail: 'ministry-trade-integration@notify.complaints.example',
  },

  // Central state bodies: committees that render public services (parent: their ministry).
  {
    id: 'committee-state-revenue',
    kind: 'central_state_body',
    parentId: 'ministry-finance',
    name: {
      kk: 'Қазақстан Республикасы Қаржы министрлігінің Мемлекеттік кірістер комитеті',
      ru: 'Комитет государственных доходов Министерства финансов Республики Казахстан',
    },
    notificationEmail: 'committee-state-revenue@notify.complaints.example',
  },
  {
    id: 'committee-migration-service',
    kind: 'central_state_body',
    parentId: 'ministry-internal-affairs',
    name: {
      kk: 'Қазақстан Республикасы Ішкі істер министрлігінің Көші-қон қызметі комитеті',
      ru: 'Комитет миграционной службы Министерства внутренних дел Республики Казахстан',
    },
    notificationEmail: 'committee-migration-service@notify.complaints.example',
  },
  {
    id: 'committee-administrative-police',
    kind: 'central_state_body',
    parentId: 'ministry-internal-affairs',
    name: {
      kk: 'Қазақстан Республикасы Ішкі істер министрлігінің Әкімшілік полиция комитеті',
      ru: 'Комитет административной полиции Министерства внутренних дел Республики Казахстан',
    },
    notificationEmail: 'committee-administrative-police@notify.complaints.example',
  },
  {
    id: 'committee-social-protection-control',
    kind: 'central_state_body',
    parentId: 'ministry-labour-social-protection',
    name: {
      kk: 'Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігінің Халықты әлеуметтік қорғау саласындағы реттеу және бақылау комитеті',
      ru: 'Комитет регулирования и контроля в сфере социальной защиты населения Министерства труда и социальной защиты населения Республики Казахстан',
    },
    notificationEmail: 'committee-social-protection-control@notify.complaints.example',
  },
  {
    id: 'committee-sanitary-epidemiological-control',
    kind: 'central_state_body',
    parentId: 'ministry-health',
    name: {
      kk: 'Қазақстан Республикасы Денсаулық сақтау министрлігінің Санитариялық-эпидемиологиялық бақылау комитеті',
      ru: 'Комитет санитарно-эпидемиологического контроля Министерства здравоохранения Республики Казахстан',
    },
    notificationEmail: 'committee-sanitary-epidemiological-control@notify.complaints.example',
  },
  {
    id: 'committee-medical-pharmaceutical-control',
    kind: 'central_state_body',
    parentId: 'ministry-health',
    name: {
      kk: 'Қазақстан Республикасы Денсаулық сақтау министрлігінің Медициналық және фармацевтикалық бақылау комитеті',
      ru: 'Комитет медицинского и фармацевтического контроля Министерства здравоохранения Республики Казахстан',
    },
    notificationEmail: 'committee-medical-pharmaceutical-control@notify.complaints.example',
  },

  // Local executive bodies: akimats of the regions and of the cities of republican significance.
  {
    id: 'akimat-abai-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Абай облысының әкімдігі',
      ru: 'Акимат области Абай',
    },
    notificationEmail: 'akimat-abai-region@notify.complaints.example',
  },
  {
    id: 'akimat-akmola-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Ақмола облысының әкімдігі',
      ru: 'Акимат Акмолинской области',
    },
    notificationEmail: 'akimat-akmola-region@notify.complaints.example',
  },
  {
    id: 'akimat-aktobe-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Ақтөбе облысының әкімдігі',
      ru: 'Акимат Актюбинской области',
    },
    notificationEmail: 'akimat-aktobe-region@notify.complaints.example',
  },
  {
    id: 'akimat-almaty-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Алматы облысының әкімдігі',
      ru: 'Акимат Алматинской области',
    },
    notificationEmail: 'akimat-almaty-region@notify.complaints.example',
  },
  {
    id: 'akimat-atyrau-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Атырау облысының әкімдігі',
      ru: 'Акимат Атырауской области',
    },
    notificationEmail: 'akimat-atyrau-region@notify.complaints.example',
  },
  {
    id: 'akimat-east-kazakhstan-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Шығыс Қазақстан облысының әкімдігі',
      ru: 'Акимат Восточно-Казахстанской области',
    },
    notificationEmail: 'akimat-east-kazakhstan-region@notify.complaints.example',
  },
  {
    id: 'akimat-jambyl-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Жамбыл облысының әкімдігі',
      ru: 'Акимат Жамбылской области',
    },
    notificationEmail: 'akimat-jambyl-region@notify.complaints.example',
  },
  {
    id: 'akimat-jetisu-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Жетісу облысының әкімдігі',
      ru: 'Акимат области Жетісу',
    },
    notificationEmail: 'akimat-jetisu-region@notify.complaints.example',
  },
  {
    id: 'akimat-west-kazakhstan-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Батыс Қазақстан облысының әкімдігі',
      ru: 'Акимат Западно-Казахстанской области',
    },
    notificationEmail: 'akimat-west-kazakhstan-region@notify.complaints.example',
  },
  {
    id: 'akimat-karaganda-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Қарағанды облысының әкімдігі',
      ru: 'Акимат Карагандинской области',
    },
    notificationEmail: 'akimat-karaganda-region@notify.complaints.example',
  },
  {
    id: 'akimat-kostanay-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Қостанай облысының әкімдігі',
      ru: 'Акимат Костанайской области',
    },
    notificationEmail: 'akimat-kostanay-region@notify.complaints.example',
  },
  {
    id: 'akimat-kyzylorda-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Қызылорда облысының әкімдігі',
      ru: 'Акимат Кызылординской области',
    },
    notificationEmail: 'akimat-kyzylorda-region@notify.complaints.example',
  },
  {
    id: 'akimat-mangystau-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Маңғыстау облысының әкімдігі',
      ru: 'Акимат Мангистауской области',
    },
    notificationEmail: 'akimat-mangystau-region@notify.complaints.example',
  },
  {
    id: 'akimat-pavlodar-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Павлодар облысының әкімдігі',
      ru: 'Акимат Павлодарской области',
    },
    notificationEmail: 'akimat-pavlodar-region@notify.complaints.example',
  },
  {
    id: 'akimat-north-kazakhstan-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Солтүстік Қазақстан облысының әкімдігі',
      ru: 'Акимат Северо-Казахстанской области',
    },
    notificationEmail: 'akimat-north-kazakhstan-region@notify.complaints.example',
  },
  {
    id: 'akimat-turkistan-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Түркістан облысының әкімдігі',
      ru: 'Акимат Туркестанской области',
    },
    notificationEmail: 'akimat-turkistan-region@notify.complaints.example',
  },
  {
    id: 'akimat-ulytau-region',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Ұлытау облысының әкімдігі',
      ru: 'Акимат области Ұлытау',
    },
    notificationEmail: 'akimat-ulytau-region@notify.complaints.example',
  },
  {
    id: 'akimat-astana',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Астана қаласының әкімдігі',
      ru: 'Акимат города Астаны',
    },
    notificationEmail: 'akimat-astana@notify.complaints.example',
  },
  {
    id: 'akimat-almaty',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Алматы қаласының әкімдігі',
      ru: 'Акимат города Алматы',
    },
    notificationEmail: 'akimat-almaty@notify.complaints.example',
  },
  {
    id: 'akimat-shymkent',
    kind: 'local_executive_body',
    parentId: null,
    name: {
      kk: 'Шымкент қаласының әкімдігі',
      ru: 'Акимат города Шымкента',
    },
    notificationEmail: 'akimat-shymkent@notify.complaints.example',
  },

  // Local executive bodies: a sample of district akimats and akimats of cities of regional significance.
  {
    id: 'akimat-karasay-district',
    kind: 'local_executive_body',
    parentId: 'akimat-almaty-region',
    name: {
      kk: 'Қарасай ауданының әкімдігі',
      ru: 'Акимат Карасайского района',
    },
    notificationEmail: 'akimat-karasay-district@notify.complaints.example',
  },
  {
    id: 'akimat-ili-district',
    kind: 'local_executive_body',
    parentId: 'akimat-almaty-region',
    name: {
      kk: 'Іле ауданының әкімдігі',
      ru: 'Акимат Илийского района',
    },
    notificationEmail: 'akimat-ili-district@notify.complaints.example',
  },
  {
    id: 'akimat-zerenda-district',
    kind: 'local_executive_body',
    parentId: 'akimat-akmola-region',
    name: {
      kk: 'Зеренді ауданының әкімдігі',
      ru: 'Акимат Зерендинского района',
    },
    notificationEmail: 'akimat-zerenda-district@notify.complaints.example',
  },
  {
    id: 'akimat-burabay-district',
    kind: 'local_executive_body',
    parentId: 'akimat-akmola-region',
    name: {
      kk: 'Бурабай ауданының әкімдігі',
      ru: 'Акимат Бурабайского района',
    },
    notificationEmail: 'akimat-burabay-district@notify.complaints.example',
  },
  {
    id: 'akimat-kokshetau',
    kind: 'local_executive_body',
    parentId: 'akimat-akmola-region',
    name: {
      kk: 'Көкшетау қаласының әкімдігі',
      ru: 'Акимат города Кокшетау',
    },
    notificationEmail: 'akimat-kokshetau@notify.complaints.example',
  },
  {
    id: 'akimat-karaganda',
    kind: 'local_executive_body',
    parentId: 'akimat-karaganda-region',
    name: {
      kk: 'Қарағанды қаласының әкімдігі',
      ru: 'Акимат города Караганды',
    },
    notificationEmail: 'akimat-karaganda@notify.complaints.example',
  },
  {
    id: 'akimat-sairam-district',
    kind: 'local_executive_body',
    parentId: 'akimat-turkistan-region',
    name: {
      kk: 'Сайрам ауданының әкімдігі',
      ru: 'Акимат Сайрамского района',
    },
    notificationEmail: 'akimat-sairam-district@notify.complaints.example',
  },
  {
    id: 'akimat-semey',
    kind: 'local_executive_body',
    parentId: 'akimat-abai-region',
    name: {
      kk: 'Семей қаласының әкімдігі',
      ru: 'Акимат города Семей',
    },
    notificationEmail: 'akimat-semey@notify.complaints.example',
  },
  {
    id: 'akimat-taldykorgan',
    kind: 'local_executive_body',
    parentId: 'akimat-jetisu-region',
    name: {
      kk: 'Талдықорған қаласының әкімдігі',
      ru: 'Акимат города Талдыкорган',
    },
    notificationEmail: 'akimat-taldykorgan@notify.complaints.example',
  },
  {
    id: 'akimat-aktobe',
    kind: 'local_executive_body',
    parentId: 'akimat-aktobe-region',
    name: {
      kk: 'Ақтөбе қаласының әкімдігі',
      ru: 'Акимат города Актобе',
    },
    notificationEmail: 'akimat-aktobe@notify.complaints.example',
  },
  {
    id: 'akimat-zhezkazgan',
    kind: 'local_executive_body',
    parentId: 'akimat-ulytau-region',
    name: {
      kk: 'Жезқазған қаласының әкімдігі',
      ru: 'Акимат города Жезказган',
    },
    notificationEmail: 'akimat-zhezkazgan@notify.complaints.example',
  },
  {
    id: 'akimat-ust-kamenogorsk',
    kind: 'local_executive_body',
    parentId: 'akimat-east-kazakhstan-region',
    name: {
      kk: 'Өскемен қаласының әкімдігі',
      ru: 'Акимат города Усть-Каменогорска',
    },
    notificationEmail: 'akimat-ust-kamenogorsk@notify.complaints.example',
  },

  // Akims: districts in cities, towns of district significance, settlements and rural districts.
  {
    id: 'akim-almaly-district-almaty',
    kind: 'akim',
    parentId: 'akimat-almaty',
    name: {
      kk: 'Алматы қаласы Алмалы ауданының әкімі',
      ru: 'Аким Алмалинского района города Алматы',
    },
    notificationEmail: 'akim-almaly-district-almaty@notify.complaints.example',
  },
  {
    id: 'akim-bostandyk-district-almaty',
    kind: 'akim',
    parentId: 'akimat-almaty',
    name: {
      kk: 'Алматы қаласы Бостандық ауданының әкімі',
      ru: 'Аким Бостандыкского района города Алматы',
    },
    notificationEmail: 'akim-bostandyk-district-almaty@notify.complaints.example',
  },
  {
    id: 'akim-yesil-district-astana',
    kind: 'akim',
    parentId: 'akimat-astana',
    name: {
      kk: 'Астана қаласы Есіл ауданының әкімі',
      ru: 'Аким района Есиль города Астаны',
    },
    notificationEmail: 'akim-yesil-district-astana@notify.complaints.example',
  },
  {
    id: 'akim-al-farabi-district-shymkent',
    kind: 'akim',
    parentId: 'akimat-shymkent',
    name: {
      kk: 'Шымкент қаласы Әл-Фараби ауданының әкімі',
      ru: 'Аким Аль-Фарабийского района города Шымкента',
    },
    notificationEmail: 'akim-al-farabi-district-shymkent@notify.complaints.example',
  },
  {
    id: 'akim-kaskelen',
    kind: 'akim',
    parentId: 'akimat-karasay-district',
    name: {
      kk: 'Қарасай ауданы Қаскелең қаласының әкімі',
      ru: 'Аким города Каскелен Карасайского района',
    },
    notificationEmail: 'akim-kaskelen@notify.complaints.example',
  },
  {
    id: 'akim-irgeli-rural-district',
    kind: 'akim',
    parentId: 'akimat-karasay-district',
    name: {
      kk: 'Қарасай ауданы Іргелі ауылдық округінің әкімі',
      ru: 'Аким Иргелийского сельского округа Карасайского района',
    },
    notificationEmail: 'akim-irgeli-rural-district@notify.complaints.example',
  },
  {
    id: 'akim-otegen-batyr',
    kind: 'akim',
    parentId: 'akimat-ili-district',
    name: {
      kk: 'Іле ауданы Өтеген батыр кентінің әкімі',
      ru: 'Аким поселка Отеген батыр Илийского района',
    },
    notificationEmail: 'akim-otegen-batyr@notify.complaints.example',
  },
  {
    id: 'akim-zerenda-rural-district',
    kind: 'akim',
    parentId: 'akimat-zerenda-district',
    name: {
      kk: 'Зеренді ауданы Зеренді ауылдық округінің әкімі',
      ru: 'Аким Зерендинского сельского округа Зерендинского района',
    },
    notificationEmail: 'akim-zerenda-rural-district@notify.complaints.example',
  },
  {
    id: 'akim-shchuchinsk',
    kind: 'akim',
    parentId: 'akimat-burabay-district',
    name: {
      kk: 'Бурабай ауданы Щучинск қаласының әкімі',
      ru: 'Аким города Щучинска Бурабайского района',
    },
    notificationEmail: 'akim-shchuchinsk@notify.complaints.example',
  },

  // Service providers: territorial bodies of committees and ministries, and local state institutions.
  {
    id: 'dgd-astana',
    kind: 'service_provider',
    parentId: 'committee-state-revenue',
    name: {
      kk: 'Қазақстан Республикасы Қаржы министрлігінің Мемлекеттік кірістер комитеті Астана қаласы бойынша Мемлекеттік кірістер департаменті',
      ru: 'Департамент государственных доходов по городу Астане Комитета государственных доходов Министерства финансов Республики Казахстан',
    },
    notificationEmail: 'dgd-astana@notify.complaints.example',
  },
  {
    id: 'dgd-almaty-region',
    kind: 'service_provider',
    parentId: 'committee-state-revenue',
    name: {
      kk: 'Қазақстан Республикасы Қаржы министрлігінің Мемлекеттік кірістер комитеті Алматы облысы бойынша Мемлекеттік кірістер департаменті',
      ru: 'Департамент государственных доходов по Алматинской области Комитета государственных доходов Министерства финансов Республики Казахстан',
    },
    notificationEmail: 'dgd-almaty-region@notify.complaints.example',
  },
  {
    id: 'social-protection-department-almaty',
    kind: 'service_provider',
    parentId: 'committee-social-protection-control',
    name: {
      kk: 'Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі Халықты әлеуметтік қорғау саласындағы реттеу және бақылау комитетінің Алматы қаласы бойынша департаменті',
      ru: 'Департамент Комитета регулирования и контроля в сфере социальной защиты населения Министерства труда и социальной защиты населения Республики Казахстан по городу Алматы',
    },
    notificationEmail: 'social-protection-department-almaty@notify.complaints.example',
  },
  {
    id: 'justice-department-almaty-region',
    kind: 'service_provider',
    parentId: 'ministry-justice',
    name: {
      kk: 'Қазақстан Республикасы Әділет министрлігінің Алматы облысының Әділет департаменті',
      ru: 'Департамент юстиции Алматинской области Министерства юстиции Республики Казахстан',
    },
    notificationEmail: 'justice-department-almaty-region@notify.complaints.example',
  },
  {
    id: 'education-department-karaganda-region',
    kind: 'service_provider',
    parentId: 'akimat-karaganda-region',
    name: {
      kk: 'Қарағанды облысының білім басқармасы',
      ru: 'Управление образования Карагандинской области',
    },
    notificationEmail: 'education-department-karaganda-region@notify.complaints.example',
  },
  {
    id: 'public-health-department-almaty',
    kind: 'service_provider',
    parentId: 'akimat-almaty',
    name: {
      kk: 'Алматы қаласының Қоғамдық денсаулық сақтау басқармасы',
      ru: 'Управление общественного здравоохранения города Алматы',
    },
    notificationEmail: 'public-health-department-almaty@notify.complaints.example',
  },
  {
    id: 'employment-social-protection-astana',
    kind: 'service_provider',
    parentId: 'akimat-astana',
    name: {
      kk: 'Астана қаласының Жұмыспен қамту және әлеуметтік қорғау басқармасы',
      ru: 'Управление занятости и социальной защиты города Астаны',
    },
    notificationEmail: 'employment-social-protection-astana@notify.complaints.example',
  },
  {
    id: 'land-relations-karasay-district',
    kind: 'service_provider',
    parentId: 'akimat-karasay-district',
    name: {
      kk: 'Қарасай ауданының жер қатынастары бөлімі',
      ru: 'Отдел земельных отношений Карасайского района',
    },
    notificationEmail: 'land-relations-karasay-district@notify.complaints.example',
  },
  {
    id: 'agriculture-zerenda-district',
    kind: 'service_provider',
    parentId: 'akimat-zerenda-district',
    name: {
      kk: 'Зеренді ауданының ауыл шаруашылығы бөлімі',
      ru: 'Отдел сельского хозяйства Зерендинского района',
    },
    notificationEmail: 'agriculture-zerenda-district@notify.complaints.example',
  },

  // Public service centers: the State Corporation, its branches and a sample of its offices (CONs).
  {
    id: 'gov4c',
    kind: 'public_service_center',
    parentId: null,
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» коммерциялық емес акционерлік қоғамы',
      ru: 'Некоммерческое акционерное общество «Государственная корпорация «Правительство для граждан»',
    },
    notificationEmail: 'gov4c@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-astana',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Астана қаласы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по городу Астана',
    },
    notificationEmail: 'gov4c-astana@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-almaty',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Алматы қаласы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по городу Алматы',
    },
    notificationEmail: 'gov4c-almaty@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-shymkent',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Шымкент қаласы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по городу Шымкент',
    },
    notificationEmail: 'gov4c-shymkent@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-abai-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Абай облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по области Абай',
    },
    notificationEmail: 'gov4c-abai-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-akmola-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Ақмола облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Акмолинской области',
    },
    notificationEmail: 'gov4c-akmola-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-aktobe-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Ақтөбе облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Актюбинской области',
    },
    notificationEmail: 'gov4c-aktobe-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-almaty-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Алматы облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Алматинской области',
    },
    notificationEmail: 'gov4c-almaty-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-atyrau-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Атырау облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Атырауской области',
    },
    notificationEmail: 'gov4c-atyrau-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-east-kazakhstan-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Шығыс Қазақстан облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Восточно-Казахстанской области',
    },
    notificationEmail: 'gov4c-east-kazakhstan-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-jambyl-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Жамбыл облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Жамбылской области',
    },
    notificationEmail: 'gov4c-jambyl-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-jetisu-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Жетісу облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по области Жетісу',
    },
    notificationEmail: 'gov4c-jetisu-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-west-kazakhstan-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Батыс Қазақстан облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Западно-Казахстанской области',
    },
    notificationEmail: 'gov4c-west-kazakhstan-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-karaganda-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Қарағанды облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Карагандинской области',
    },
    notificationEmail: 'gov4c-karaganda-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-kostanay-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Қостанай облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Костанайской области',
    },
    notificationEmail: 'gov4c-kostanay-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-kyzylorda-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Қызылорда облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Кызылординской области',
    },
    notificationEmail: 'gov4c-kyzylorda-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-mangystau-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Маңғыстау облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Мангистауской области',
    },
    notificationEmail: 'gov4c-mangystau-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-pavlodar-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Павлодар облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Павлодарской области',
    },
    notificationEmail: 'gov4c-pavlodar-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-north-kazakhstan-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Солтүстік Қазақстан облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Северо-Казахстанской области',
    },
    notificationEmail: 'gov4c-north-kazakhstan-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-turkistan-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Түркістан облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по Туркестанской области',
    },
    notificationEmail: 'gov4c-turkistan-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'gov4c-ulytau-region',
    kind: 'public_service_center',
    parentId: 'gov4c',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Ұлытау облысы бойынша филиалы',
      ru: 'Филиал НАО «Государственная корпорация «Правительство для граждан» по области Ұлытау',
    },
    notificationEmail: 'gov4c-ulytau-region@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'con-astana-yesil-1',
    kind: 'public_service_center',
    parentId: 'gov4c-astana',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Астана қаласы бойынша филиалының Халыққа қызмет көрсету бойынша Есіл аудандық № 1 бөлімі',
      ru: 'Отдел № 1 Есильского района по обслуживанию населения филиала НАО «Государственная корпорация «Правительство для граждан» по городу Астана',
    },
    notificationEmail: 'con-astana-yesil-1@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'con-almaty-almaly-1',
    kind: 'public_service_center',
    parentId: 'gov4c-almaty',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Алматы қаласы бойынша филиалының Халыққа қызмет көрсету бойынша Алмалы аудандық № 1 бөлімі',
      ru: 'Отдел № 1 Алмалинского района по обслуживанию населения филиала НАО «Государственная корпорация «Правительство для граждан» по городу Алматы',
    },
    notificationEmail: 'con-almaty-almaly-1@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'con-shymkent-al-farabi-1',
    kind: 'public_service_center',
    parentId: 'gov4c-shymkent',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Шымкент қаласы бойынша филиалының Халыққа қызмет көрсету бойынша Әл-Фараби аудандық № 1 бөлімі',
      ru: 'Отдел № 1 Аль-Фарабийского района по обслуживанию населения филиала НАО «Государственная корпорация «Правительство для граждан» по городу Шымкент',
    },
    notificationEmail: 'con-shymkent-al-farabi-1@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'con-kokshetau-1',
    kind: 'public_service_center',
    parentId: 'gov4c-akmola-region',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Ақмола облысы бойынша филиалының Халыққа қызмет көрсету бойынша Көкшетау қалалық № 1 бөлімі',
      ru: 'Отдел № 1 города Кокшетау по обслуживанию населения филиала НАО «Государственная корпорация «Правительство для граждан» по Акмолинской области',
    },
    notificationEmail: 'con-kokshetau-1@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'con-karaganda-1',
    kind: 'public_service_center',
    parentId: 'gov4c-karaganda-region',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Қарағанды облысы бойынша филиалының Халыққа қызмет көрсету бойынша Қарағанды қалалық № 1 бөлімі',
      ru: 'Отдел № 1 города Караганды по обслуживанию населения филиала НАО «Государственная корпорация «Правительство для граждан» по Карагандинской области',
    },
    notificationEmail: 'con-karaganda-1@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
  {
    id: 'con-karasay-district',
    kind: 'public_service_center',
    parentId: 'gov4c-almaty-region',
    name: {
      kk: '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ Алматы облысы бойынша филиалының Халыққа қызмет көрсету бойынша Қарасай аудандық бөлімі',
      ru: 'Отдел Карасайского района по обслуживанию населения филиала НАО «Государственная корпорация «Правительство для граждан» по Алматинской области',
    },
    notificationEmail: 'con-karasay-district@notify.complaints.example',
    workingHoursEnd: '20:00',
  },
];
