/**
 * English chat vocabulary for the fourth round of templates (`en-chat2.ts`), written by a second author from
 * general knowledge of Discord/Telegram/SMS chat: verbs that end in a preposition, particle verbs that are
 * finished on their own, question words with a stranded preposition, afterthought tails, slang reactions,
 * gaming and work talk, idioms that end in a preposition or a pronoun, and story openers.
 */
const phrases = (list: string): readonly string[] => list.trim().split(/\s*\|\s*/u);

export const en2 = {
  /** Verbs whose last word is a preposition (base | past | -ing): "i ran into" needs its object. */
  prepVerbs: phrases(`run into / ran into / running into | come across / came across / coming across | get rid of / got rid of / getting rid of
    | break up with / broke up with / breaking up with | catch up with / caught up with / catching up with | look into / looked into / looking into
    | sign up for / signed up for / signing up for | deal with / dealt with / dealing with | put up with / put up with / putting up with
    | hear back from / heard back from / hearing back from | reach out to / reached out to / reaching out to | end up with / ended up with / ending up with
    | hang out with / hung out with / hanging out with | go out with / went out with / going out with | talk about / talked about / talking about
    | talk to / talked to / talking to | think about / thought about / thinking about | worry about / worried about / worrying about
    | wait for / waited for / waiting for | look for / looked for / looking for | listen to / listened to / listening to
    | work on / worked on / working on | pay for / paid for / paying for | apply for / applied for / applying for
    | argue about / argued about / arguing about | complain about / complained about / complaining about | ask about / asked about / asking about
    | laugh at / laughed at / laughing at | yell at / yelled at / yelling at | get into / got into / getting into | get over / got over / getting over
    | stick with / stuck with / sticking with | keep up with / kept up with / keeping up with | team up with / teamed up with / teaming up with
    | check in with / checked in with / checking in with | switch to / switched to / switching to | move to / moved to / moving to
    | go to / went to / going to | vote for / voted for / voting for | study for / studied for / studying for | prepare for / prepared for / preparing for
    | shop for / shopped for / shopping for | cook for / cooked for / cooking for | fall for / fell for / falling for | hear about / heard about / hearing about
    | dream about / dreamed about / dreaming about | forget about / forgot about / forgetting about | wait on / waited on / waiting on
    | focus on / focused on / focusing on | bump into / bumped into / bumping into | sit next to / sat next to / sitting next to`),
  /** Adjective frames that end in a preposition: "i'm looking forward to" needs its object. */
  prepAdjectives: phrases(`looking forward to | obsessed with | tired of | sick of | scared of | done with | so over | in love with | worried about
    | excited for | excited about | down for | up for | good at | bad at | jealous of | proud of | mad at | allergic to | addicted to
    | stuck on | blocked on | hooked on | nervous about | curious about | annoyed with | bored of | used to | not a fan of | a big fan of`),
  /** Objects after a preposition, finished. */
  prepObjects: phrases(`him | her | them | it | you | u | my ex | an old friend | this guy from work | the concert | the trip | the weekend | this
    | my boss | the exam | his sister | the new season | some girl from school | pizza | work | this song | the results | the final
    | your brother | my neighbor | the new job | the party | my landlord | the group project | that show | that game | my old roommate
    | coffee | the gym | the dentist | the interview | the meeting | the deadline | these updates | that one | the other team | my mom`),
  /** Particle verbs in the past, finished with no object. */
  particlePast: phrases(`gave up | showed up | made up | blew up | backed out | zoned out | dozed off | fell apart | broke up | threw up | passed out
    | calmed down | woke up | sold out | ran out | worked out | logged off | signed off | checked out | freaked out | cracked up | gave in
    | caught up | stayed up | slept in | moved out | dropped out | got in | got away | messed up | screwed up | warmed up | came over
    | came back | came through | pulled through | bailed | flaked | tapped out | dipped | knocked out | chickened out | teared up | blacked out
    | figured it out | sorted it out | worked it out | got over it | moved on | hung up | ran late | fell asleep | lost it | nailed it`),
  /** Questions that end in a preposition or a question word, whole as they stand. */
  shortQuestions: phrases(`who with | where to | what for | since when | how come | like what | like when | like where | like who | such as
    | where at | who from | from who | with who | for what | how so | why so | for how long | till when | how long for | about what
    | which one | whose | whose idea | why tho | and then what | then what | like how | how many | how much | what else | who else
    | where else | meaning? | wdym | says who | how long | what kind | which ones | what time | what day | where exactly`),
  /** Verb phrases ending in a preposition for "what are you looking at": -ing | base. */
  strandedVerbs: phrases(`looking at / look at | talking about / talk about | waiting for / wait for | going with / go with | laughing at / laugh at
    | working on / work on | listening to / listen to | thinking about / think about | looking for / look for | worried about / worry about
    | going to / go to | staying at / stay at | coming from / come from | hiding from / hide from | asking for / ask for | saving up for / save up for
    | getting at / get at | voting for / vote for | paying for / pay for | applying for / apply for | studying for / study for | shopping for / shop for
    | dressing up as / dress up as | arguing about / argue about | dreaming about / dream about | complaining about / complain about
    | hanging out with / hang out with | going out with / go out with | staying with / stay with | getting that from / get that from
    | hearing that from / hear that from | buying it for / buy it for | using it for / use it for | texting him about / text him about
    | getting ready for / get ready for | mad at / be mad at | so excited about / be excited about | ending up with / end up with
    | ending up doing / end up doing | ending up getting / end up getting | picking / pick | bringing / bring | ordering / order | getting her / get her`),
  /** Afterthought tails that close a finished line: "me too honestly", "we should go sometime". */
  tails: phrases(`honestly | tbh | ngl | lowkey | fr | ig | tho | though | i guess | i think | for real | no cap | as well | too
    | or something | or whatever | and stuff | and everything | or nah | or no | or what | or not | lol | haha | again | more | sometime
    | soon | someday | at some point | for once | anyway | already | first | instead | next time | i swear | apparently | obviously
    | imo | idk | fr fr | on god | deadass | lmao | though lol | btw | today | rn | right now | either | at all | for sure | tbf | smh
    | all day | too lol | in a bit | later | this time | for now | lately | these days | at least | man | bro | dude`),
  /** Slang and chat reactions that are whole messages. */
  reactions: phrases(`kinda | sorta | a little | a bit | barely | somewhat | not really | kind of | sort of | bruh | heard | gg | ggs | gg ez | wp
    | noted | copy | copy that | roger | valid | based | real | so real | too real | rip | W | L | huge W | massive L | big L | ratio | cope
    | sheesh | bussin | no shot | bet bet | deadass | on god | ong | it's giving | ate | slay | periodt | mid | lowkey | highkey | sus | cap
    | that's cap | no cap | fax | i'm weak | crying | screaming | dying | i can't | i cant even | nah fr | real talk | word | facts | aight
    | ight | true true | yessir | yeah yeah | uh huh | mhm | mm | nope nope | meaning? | so what | who cares | whatever works | lol what
    | wait what | huh | excuse me | pardon | come again | say what | for real? | u serious | you serious | no way | no shot | stop
    | stoppp | omg stop | i'm screaming | help | help 😭 | be so fr | pls | ugh fine | fine by me | whatever you want
    | up to you | your call | either works | both | neither | none | all of them | the second one | the first one | this one | that one
    | the blue one | whichever | wherever | whenever | anytime | any time | anywhere | yours | mine | same lol | mood | big mood | vibes
    | good vibes | love that | love this | love that for you | hate that | i felt that | felt | oop | oops | whoops | my b | mb | ty ty`),
  /** Work and gaming nouns for "pushed the fix", "can you review my pr". */
  workNouns: phrases(`fix | pr | branch | build | release | hotfix | ticket | doc | slides | deck | spreadsheet | report | patch | migration
    | config | tests | changes | commit | draft | invoice | proposal | notes | agenda | invite | recording | dashboard | script | pipeline
    | deploy | server | demo | mockups | designs | specs | roadmap | estimate | budget | contract | feedback | numbers | update | email thread`),
  workVerbs: phrases(`pushed | merged | deployed | reverted | reviewed | approved | fixed | broke | shipped | updated | sent | shared | uploaded
    | finished | started | closed | reopened | rebased | tested | cancelled | moved | rescheduled | booked | renamed | deleted | submitted`),
  workAsks: phrases(`review | check | look at | approve | merge | test | send | share | update | fix | rerun | restart | forward | sign | proofread`),
  /** Work and gaming lines that are whole. */
  workLines: phrases(`anyone on | hop on | get on | you on | u on | you online | anyone up for a game | one more | one more game | carry me
    | queue up | duo | ranked | you playing tonight | i'm lagging | im lagging so bad | we got destroyed | he's cracked | they're cheating
    | need one more | need a healer | inv me | add me | send an inv | join vc | hop in vc | in vc | muted | afk | back | last game
    | down to play | we won | we lost | easy win | that was close | nice shot | clutch | carried | throwing | he's throwing | gg go next
    | lgtm | ship it | on a call | in a meeting | wfh today | ooo tomorrow | standup in 5 | running a bit late to standup | can we sync
    | can you hop on a call | ping me | i'll take a look | looking into it | on it | done | merged | deployed | prod is down | ci is red
    | tests are green | tests are failing | the build is broken | build passed | it works on my machine | works now | still broken
    | can't repro | rebooting | logging off | signing off for today | taking lunch | back from lunch | eod | will do | noted thanks`),
  /** Things that can fail: "my laptop won't turn on". */
  failingThings: phrases(`my car | my phone | my laptop | the wifi | the door | the printer | the app | my code | the game | the site | the server
    | my headphones | the tv | the dishwasher | my mic | discord | the update | the elevator | the heater | my card | the payment | the bus`),
  failures: phrases(`won't start | won't charge | won't connect | won't open | won't turn on | won't load | keeps crashing | keeps freezing
    | isn't working | doesn't work | stopped working | died | froze | crashed | is acting up | is acting weird | is down again | won't stop beeping
    | is lagging | got declined | didn't go through | never came | broke down | doesn't compile | won't update | keeps disconnecting`),
  /** Idioms that end in a preposition or a pronoun and are whole. */
  idioms: phrases(`it's on me | drinks are on me | this one's on me | i'm on it | that's on you | it's up to you | up to you | i'm over it
    | i'm so over it | get over it | deal with it | i'm into it | leave it to me | count me out | count me in | you're on | game on
    | what's up with that | what's wrong with him | what's with her | what's up with you | i'm up for it | i'm down for it | i'm good with that
    | i'm ok with it | i'm fine with that | i'm all for it | i'm not into it | it's not for me | i'm with you | i'm with her on this
    | i'll get the next one | my treat | i got you | i gotchu | got you | i feel you | i owe you | i owe u one | i believe you | i trust you
    | i miss u | i miss you | miss u | love u | love you too | i love you more | proud of u | i'm proud of you | i hate him | i hate her
    | i love her | i love them | i blame you | i warned you | i told u | told ya | i knew it | i get it | i get you | i hear you
    | he really said that | she literally said that | he actually did that | i needed that | i needed this | i felt that | who did this
    | who did that | why would you do that | don't say that | don't do that | i can't do this | i can't do this anymore | look at this
    | check this out | i'm so done with this | i love that for you | love that for him | you did that | we did that | i meant that
    | i saw that | did you see that | i'd do that | i'd love that | i can do that | let's do that | i'll try that | bet on it
    | count on it | i'm counting on you | i'm rooting for you | good for you | good for her | lucky him | same for me | same with me
    | not for long | not for me | not with him | never again | not again | not today | not now | not yet | not that i know of`),
  /** Leads before an embedded question with "to": "idk what to do". */
  whLeads: phrases(`idk | i don't know | i dont know | not sure | no idea | i have no idea | i can't decide | i can't figure out | tell me
    | lmk | i forgot | i wasn't sure | i'm trying to figure out | help me decide | i never know | i still don't know | he doesn't know
    | she has no clue | we can't decide | any idea | do you know | u know | i'm not sure | idk even | literally no idea | i honestly don't know`),
  whInfinitives: phrases(`do | say | wear | get | bring | expect | think | believe | feel | eat | watch | text him | tell her | order | pick
    | choose | start | fix it | get there | park | go | sit | reply | respond | do now | say to that | buy her | get him | cook | pack
    | study | ask | call it | answer | do about it | put | write | play | text back | do next | make for dinner`),
  whFinite: phrases(`he wants | she means | you mean | he said | i did | she thinks | he meant | it is | that was | he went | she's doing
    | they're talking about | i was thinking | happened | is going on | you're talking about | he's on about | went wrong | i'm doing
    | she was saying | we're doing | time it is | i said | i'd do without you | he's thinking | it means | to expect | i want`),
  /** Pseudo-clefts: "that's what i'm saying", "that's all i wanted". */
  cleftLeads: phrases(`that's what | thats what | that's exactly what | this is what | that's all | that's where | that's how | that's when
    | that's who | that's not what | this is exactly what | that's literally what | that was what | that's so what`),
  cleftEnds: phrases(`i'm saying | i meant | i was thinking of | i was talking about | i was worried about | i said | he told me | she wanted
    | i needed | i'm going | i feel | i was afraid of | i'm trying to say | we agreed on | i was looking for | i was hoping for
    | everyone says | they all said | i thought | i figured | i was gonna say | i'm talking about | i was thinking | i asked for
    | i wanted | we need | i heard | it looked like | she said | i'm worried about | i mean | i was getting at | i signed up for`),
  /** Story openers: a connective then a time or place, with the story still to come. */
  storyLeads: phrases(`so | ok so | lol so | and then | but | anyway | wait | omg so | bro | dude | ok but | and | also | so like | and like
    | lmao so | ngl | update | ok update | so basically | fun fact | anyway so | guys | yo | ugh so | welp`),
  storyTimes: phrases(`yesterday | last night | this morning | today at work | earlier | at lunch | on the way home | in class | at the gym
    | after work | at the party | on the bus | at 3am | the other day | last week | this afternoon | at work today | before the meeting
    | after class | during the game | at dinner | when i got home | at the store | on my way here | right after you left | over the weekend`),
  /** Time-clause openers after which the story has not arrived: "when i got home". */
  storyClauses: phrases(`when i got home | when we got there | as soon as i walked in | by the time i got there | right when i got there
    | the moment she walked in | after i left | while i was at the store | once we got there | when i woke up | when he called
    | after the meeting ended | before i could say anything | when i checked my phone | as soon as i sat down | when we got back`),
  /** Amounts for "it's 30 bucks", "be there in 10". */
  amounts: phrases(`bucks | dollars | min | mins | minutes | hours | hrs | days | weeks | stops | miles | km | pm | am | percent | k | ppl | people | left | more | each`),
  amountFrames: phrases(`it's | it was | it's like | it was like | it costs | it cost me | i paid | that's | only | like | about | almost | i'm | we're
    | be there in | gimme | give me | it starts at | we're leaving at | it took | i slept | i've been waiting | it's at | i got | scored
    | the ticket was | rent is | she charged | they want | lunch was | dinner was | it's only | another | i have | we have`),
};
