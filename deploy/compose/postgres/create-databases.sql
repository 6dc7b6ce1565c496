-- The databases of the default topology, as ./zonepay up creates them (ServiceArguments.database): one per zone and
-- service for the GZone and the CZones, one per shard group and service for the RZones. The official postgres image
-- runs this once, when its data volume is empty.
create database gz_config;
create database gz_sh_config;
create database cz_hz_config;
create database cz_sh_config;
create database sg1_account;
create database sg1_order;
create database sg1_payment;
create database sg2_account;
create database sg2_order;
create database sg2_payment;
create database sg3_account;
create database sg3_order;
create database sg3_payment;
create database sg4_account;
create database sg4_order;
create database sg4_payment;
